package dns

import (
	"context"
	"net"
	"time"
)

// endWith returns a resolver that asks as r does, whose connections stop
// waiting when the lookup's context ends (the runtime's, here). Go's DNS client gives up on a server only at its
// deadline (resolv.conf's timeout, seconds), not when the lookup's context
// is cancelled, so a query in flight would outlive the runtime by that
// much. (The cgo resolver, where Go's picks it, runs getaddrinfo to its
// end whatever this does.)
func endWith(r *net.Resolver) *net.Resolver {
	dial := r.Dial
	if dial == nil {
		var d net.Dialer
		dial = d.DialContext
	}
	return &net.Resolver{
		PreferGo:     r.PreferGo,
		StrictErrors: r.StrictErrors,
		Dial: func(dialCtx context.Context, network, address string) (net.Conn, error) {
			c, err := dial(dialCtx, network, address)
			if err != nil {
				return nil, err
			}
			// dialCtx is the query's, derived from the lookup's (or,
			// for addresses, from one cancelled with it: the lookups
			// this resolver shares are all this runtime's).
			context.AfterFunc(dialCtx, func() { c.SetDeadline(time.Unix(1, 0)) })
			return c, nil
		},
	}
}
