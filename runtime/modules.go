package runtime

import (
	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/assert"
	"github.com/gojatls/gojatls/modules/buffer"
	childprocess "github.com/gojatls/gojatls/modules/child_process"
	"github.com/gojatls/gojatls/modules/cluster"
	"github.com/gojatls/gojatls/modules/console"
	"github.com/gojatls/gojatls/modules/constants"
	"github.com/gojatls/gojatls/modules/crypto"
	"github.com/gojatls/gojatls/modules/dns"
	"github.com/gojatls/gojatls/modules/events"
	"github.com/gojatls/gojatls/modules/fs"
	"github.com/gojatls/gojatls/modules/http"
	"github.com/gojatls/gojatls/modules/https"
	"github.com/gojatls/gojatls/modules/net"
	"github.com/gojatls/gojatls/modules/os"
	"github.com/gojatls/gojatls/modules/path"
	"github.com/gojatls/gojatls/modules/punycode"
	"github.com/gojatls/gojatls/modules/querystring"
	"github.com/gojatls/gojatls/modules/readline"
	"github.com/gojatls/gojatls/modules/repl"
	"github.com/gojatls/gojatls/modules/stream"
	stringdecoder "github.com/gojatls/gojatls/modules/string_decoder"
	"github.com/gojatls/gojatls/modules/timers"
	"github.com/gojatls/gojatls/modules/tls"
	"github.com/gojatls/gojatls/modules/tty"
	"github.com/gojatls/gojatls/modules/url"
	"github.com/gojatls/gojatls/modules/util"
	"github.com/gojatls/gojatls/modules/vm"
	"github.com/gojatls/gojatls/modules/zlib"
)

// builtinModules are the Node modules every runtime offers by name.
var builtinModules = []*jsbridge.Module{
	assert.Module,
	buffer.Module,
	childprocess.Module,
	cluster.Module,
	console.Module,
	constants.Module,
	crypto.Module,
	dns.Module,
	events.Module,
	fs.Module,
	http.Module,
	https.Module,
	net.Module,
	os.Module,
	path.Module,
	punycode.Module,
	querystring.Module,
	readline.Module,
	repl.Module,
	stream.Module,
	stringdecoder.Module,
	timers.Module,
	tls.Module,
	tty.Module,
	url.Module,
	util.Module,
	vm.Module,
	zlib.Module,
}
