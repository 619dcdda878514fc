package dns

import (
	"context"
	"net"
	"net/netip"
	"strings"
)

// query is one of 0.7.4's cares_wrap queries, by the binding name that is
// also the syscall of its errors.
type query struct {
	// reverse is set for getHostByAddr, whose argument is an address.
	reverse bool
	// run asks Go's resolver, off the loop.
	run func(ctx context.Context, r *net.Resolver, name string) (result, error)
}

// queries are the binding's query functions.
var queries = map[string]query{
	"queryA": {false, func(ctx context.Context, r *net.Resolver, name string) (result, error) {
		return addresses(ctx, r, "ip4", name)
	}},
	"queryAaaa": {false, func(ctx context.Context, r *net.Resolver, name string) (result, error) {
		return addresses(ctx, r, "ip6", name)
	}},
	"queryCname": {false, queryCname},
	"queryMx": {false, func(ctx context.Context, r *net.Resolver, name string) (result, error) {
		mx, err := r.LookupMX(ctx, name)
		return mxList(mx), err
	}},
	"queryNs": {false, func(ctx context.Context, r *net.Resolver, name string) (result, error) {
		ns, err := r.LookupNS(ctx, name)
		var names names
		for _, n := range ns {
			names = append(names, trimDot(n.Host))
		}
		return names, err
	}},
	"queryTxt": {false, func(ctx context.Context, r *net.Resolver, name string) (result, error) {
		txt, err := r.LookupTXT(ctx, name)
		return names(txt), err
	}},
	"querySrv": {false, func(ctx context.Context, r *net.Resolver, name string) (result, error) {
		// No service or proto: Go then asks for name itself, as
		// ares_query did.
		_, srv, err := r.LookupSRV(ctx, "", "", name)
		return srvList(srv), err
	}},
	"getHostByAddr": {true, func(ctx context.Context, r *net.Resolver, addr string) (result, error) {
		ptr, err := r.LookupAddr(ctx, addr)
		var names names
		for _, n := range ptr {
			names = append(names, trimDot(n))
		}
		return names, err
	}},
}

// addresses answers queryA (network "ip4") and queryAaaa ("ip6").
func addresses(ctx context.Context, r *net.Resolver, network, name string) (result, error) {
	addrs, err := r.LookupNetIP(ctx, network, name)
	var list names
	for _, a := range addrs {
		if network == "ip4" {
			a = a.Unmap()
		}
		list = append(list, a.String())
	}
	return list, err
}

// queryCname answers with the canonical name. Go's LookupCNAME gives the
// name itself when it has address records and no CNAME; c-ares found no
// CNAME record in the answer then: ENODATA.
func queryCname(ctx context.Context, r *net.Resolver, name string) (result, error) {
	cname, err := r.LookupCNAME(ctx, name)
	if err != nil {
		return nil, err
	}
	cname = trimDot(cname)
	if strings.EqualFold(cname, trimDot(name)) {
		return nil, errNoData
	}
	return names{cname}, nil
}

// badName finds the names c-ares could not put in a query (ares_mkquery's
// ARES_EBADNAME, given to the callback): an empty label, or a label over
// 63 bytes.
func badName(name string) bool {
	if name == "" || name == "." {
		return false
	}
	for _, label := range strings.Split(strings.TrimSuffix(name, "."), ".") {
		if label == "" || len(label) > 63 {
			return true
		}
	}
	return false
}

// badAddr finds what is not an IPv4 or IPv6 address, which cares_wrap's
// getHostByAddr refused (uv_inet_pton failed: EINVAL, thrown at once).
func badAddr(addr string) bool {
	_, err := netip.ParseAddr(addr)
	return err != nil || strings.Contains(addr, "%")
}

// trimDot drops the root's dot Go leaves on names; c-ares gave them
// without it.
func trimDot(name string) string {
	return strings.TrimSuffix(name, ".")
}
