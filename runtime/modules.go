package runtime

import (
	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/assert"
	"github.com/gojatls/gojatls/modules/buffer"
	"github.com/gojatls/gojatls/modules/console"
	"github.com/gojatls/gojatls/modules/events"
	"github.com/gojatls/gojatls/modules/fs"
	"github.com/gojatls/gojatls/modules/os"
	"github.com/gojatls/gojatls/modules/path"
	"github.com/gojatls/gojatls/modules/stream"
	stringdecoder "github.com/gojatls/gojatls/modules/string_decoder"
	"github.com/gojatls/gojatls/modules/timers"
	"github.com/gojatls/gojatls/modules/util"
)

// builtinModules are the Node modules every runtime offers by name.
var builtinModules = []*jsbridge.Module{
	assert.Module,
	buffer.Module,
	console.Module,
	events.Module,
	fs.Module,
	os.Module,
	path.Module,
	stream.Module,
	stringdecoder.Module,
	timers.Module,
	util.Module,
}
