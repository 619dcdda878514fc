//go:build race

package jstests

// raceEnabled reports whether the tests run under the race detector, which
// makes them several times slower.
const raceEnabled = true
