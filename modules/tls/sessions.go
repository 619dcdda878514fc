package tls

import (
	"crypto/tls"
	"encoding/binary"
	"errors"
	"sync"
)

// clientSessions is a client connection's session cache: it offers the
// session the script gave (the session option) and keeps the newest ticket
// the server sent, for getSession(). Go resumes with tickets only.
type clientSessions struct {
	mu    sync.Mutex
	state *tls.ClientSessionState
}

// Get returns the one session, whatever the key: a connection has one peer.
func (c *clientSessions) Get(string) (*tls.ClientSessionState, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state, c.state != nil
}

// Put keeps the newest ticket (TLS 1.3 tickets arrive after the handshake).
func (c *clientSessions) Put(_ string, cs *tls.ClientSessionState) {
	if cs == nil {
		return
	}
	c.mu.Lock()
	c.state = cs
	c.mu.Unlock()
}

// encode serializes the session for getSession(): the ticket, then Go's
// session state, each after its 4-byte length.
func (c *clientSessions) encode() ([]byte, error) {
	c.mu.Lock()
	cs := c.state
	c.mu.Unlock()
	if cs == nil {
		return nil, nil
	}
	ticket, state, err := cs.ResumptionState()
	if err != nil || state == nil {
		return nil, err
	}
	body, err := state.Bytes()
	if err != nil {
		return nil, err
	}
	out := binary.BigEndian.AppendUint32(nil, uint32(len(ticket)))
	out = append(out, ticket...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	return append(out, body...), nil
}

// decodeSession reads what encode wrote, for the session option.
func decodeSession(b []byte) (*tls.ClientSessionState, error) {
	bad := errors.New("session: not a session from getSession()")
	if len(b) < 4 {
		return nil, bad
	}
	n := binary.BigEndian.Uint32(b)
	if uint64(len(b)-4) < uint64(n) {
		return nil, bad
	}
	ticket, rest := b[4:4+n], b[4+n:]
	if len(rest) < 4 {
		return nil, bad
	}
	m := binary.BigEndian.Uint32(rest)
	if uint64(len(rest)-4) != uint64(m) {
		return nil, bad
	}
	state, err := tls.ParseSessionState(rest[4:])
	if err != nil {
		return nil, bad
	}
	return tls.NewResumptionState(append([]byte(nil), ticket...), state)
}
