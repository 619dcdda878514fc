package runtime

import (
	"runtime/debug"
	"strings"
	"sync"
)

// BuildVersion is gojatls's own version, so that a bug report can name the
// build: the module version when it was installed with `go install
// .../cmd/gojatls@version` (or the pseudo-version the go command stamps on
// a build from a checkout), else "devel" with the commit it was built from
// ("devel-0123456789ab", "-dirty" when the tree had changes), else "devel".
// process.version stays Version, the Node API gojatls implements; scripts
// that need the build read process.versions.gojatls.
func BuildVersion() string {
	buildVersionOnce.Do(func() { buildVersion = readBuildVersion() })
	return buildVersion
}

var (
	buildVersionOnce sync.Once
	buildVersion     string
)

func readBuildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v := "devel-" + rev
	if modified == "true" {
		v += "-dirty"
	}
	return v
}

// versionsEntry is BuildVersion as process.versions writes versions:
// without the leading "v" ("1.2.0", "0.0.0-2026...", "devel-...").
func versionsEntry() string {
	return strings.TrimPrefix(BuildVersion(), "v")
}
