//go:build unix && !linux

package jsbridge

// Other Unix systems: the common signals only.
var platformSignals []Signal
