package ciphers

import (
	"sort"
	"sync"
)

// The machinery below follows OpenSSL's ssl/ssl_ciph.c: every suite sits
// in one ordered list, marked active or not; each rule walks the list and
// moves or marks the suites it matches.

// Operations of a rule (CIPHER_ADD, CIPHER_DEL, ... in OpenSSL).
const (
	opAdd     = iota // no prefix: activate, appending at the end
	opDel            // '-': deactivate, moving to the front
	opOrd            // '+': move active suites to the end
	opKill           // '!': drop from the list for good
	opBump           // move active suites to the front (default order only)
	opSpecial        // '@'
)

// pattern selects suites: every non-zero mask must share a bit with the
// suite's; hasID narrows it to one suite. Only patterns naming a suite
// reach TLS 1.3 suites.
type pattern struct {
	id                                       uint16
	hasID                                    bool
	mkey, auth, enc, mac, ver, strength, exp uint32
}

func (p *pattern) matches(s *Suite) bool {
	if p.hasID {
		if p.id != s.ID {
			return false
		}
	} else if s.TLS13 {
		return false
	}
	return (p.mkey == 0 || p.mkey&s.mkey != 0) &&
		(p.auth == 0 || p.auth&s.auth != 0) &&
		(p.enc == 0 || p.enc&s.enc != 0) &&
		(p.mac == 0 || p.mac&s.mac != 0) &&
		(p.ver == 0 || p.ver&s.ver != 0) &&
		(p.strength == 0 || p.strength&s.strength != 0) &&
		(p.exp == 0 || p.exp&s.exp != 0)
}

// and narrows p by another word of a '+'-joined item; false when the
// result can match nothing.
func (p *pattern) and(q *pattern) bool {
	for _, f := range [...]struct{ dst, src *uint32 }{
		{&p.mkey, &q.mkey}, {&p.auth, &q.auth}, {&p.enc, &q.enc}, {&p.mac, &q.mac},
		{&p.strength, &q.strength}, {&p.exp, &q.exp},
	} {
		if *f.src == 0 {
			continue
		}
		if *f.dst == 0 {
			*f.dst = *f.src
		} else if *f.dst &= *f.src; *f.dst == 0 {
			return false
		}
	}
	if q.hasID {
		// A suite's own protocol version is not part of the pattern.
		p.id, p.hasID = q.id, true
	} else if q.ver != 0 {
		if p.ver == 0 {
			p.ver = q.ver
		} else if p.ver &= q.ver; p.ver == 0 {
			return false
		}
	}
	return true
}

// list is the ordered suite list: a doubly linked list over table indexes
// (-1 ends it).
type list struct {
	next, prev []int
	active     []bool
	head, tail int
}

// base is the list in default order with nothing active.
var base *list

func newList() *list {
	loadTable()
	l := &list{
		next:   append([]int(nil), base.next...),
		prev:   append([]int(nil), base.prev...),
		active: make([]bool, len(table)),
		head:   base.head,
		tail:   base.tail,
	}
	return l
}

func (l *list) unlink(i int) {
	if l.prev[i] >= 0 {
		l.next[l.prev[i]] = l.next[i]
	} else {
		l.head = l.next[i]
	}
	if l.next[i] >= 0 {
		l.prev[l.next[i]] = l.prev[i]
	} else {
		l.tail = l.prev[i]
	}
	l.next[i], l.prev[i] = -1, -1
}

func (l *list) toTail(i int) {
	if i == l.tail {
		return
	}
	l.unlink(i)
	l.prev[i] = l.tail
	if l.tail >= 0 {
		l.next[l.tail] = i
	} else {
		l.head = i
	}
	l.tail = i
}

func (l *list) toHead(i int) {
	if i == l.head {
		return
	}
	l.unlink(i)
	l.next[i] = l.head
	if l.head >= 0 {
		l.prev[l.head] = i
	} else {
		l.tail = i
	}
	l.head = i
}

// run applies one rule (ssl_cipher_apply_rule). With bits >= 0 it matches
// on strength bits alone. Deletions and bumps walk backwards so that the
// suites they move keep their order.
func (l *list) run(p *pattern, bits int, op int) {
	reverse := op == opDel || op == opBump
	next, last := l.head, l.tail
	if reverse {
		next, last = l.tail, l.head
	}
	for curr := -1; curr != last; {
		curr = next
		if curr < 0 {
			break
		}
		if reverse {
			next = l.prev[curr]
		} else {
			next = l.next[curr]
		}
		s := &table[curr]
		if bits >= 0 {
			if s.Bits != bits {
				continue
			}
		} else if !p.matches(s) {
			continue
		}
		switch op {
		case opAdd:
			if !l.active[curr] {
				l.toTail(curr)
				l.active[curr] = true
			}
		case opOrd:
			if l.active[curr] {
				l.toTail(curr)
			}
		case opDel:
			if l.active[curr] {
				l.toHead(curr)
				l.active[curr] = false
			}
		case opBump:
			if l.active[curr] {
				l.toHead(curr)
			}
		case opKill:
			l.unlink(curr)
			l.active[curr] = false
		}
	}
}

// strengthSort is @STRENGTH: move the active suites to the end by
// descending strength bits, keeping their order within equal bits.
func (l *list) strengthSort() {
	var seen [257]bool
	for i := l.head; i >= 0; i = l.next[i] {
		if l.active[i] {
			seen[table[i].Bits] = true
		}
	}
	for b := len(seen) - 1; b >= 0; b-- {
		if seen[b] {
			l.run(nil, b, opOrd)
		}
	}
}

func isSep(c byte) bool { return c == ':' || c == ' ' || c == ';' || c == ',' }

func isWordChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '='
}

// apply runs a cipher string over the list (ssl_cipher_process_rulestr);
// false when the string is invalid.
func (l *list) apply(spec string) bool {
	i := 0
	for i < len(spec) {
		c := spec[i]
		op := opAdd
		switch c {
		case '-':
			op = opDel
			i++
		case '+':
			op = opOrd
			i++
		case '!':
			op = opKill
			i++
		case '@':
			op = opSpecial
			i++
		default:
			if isSep(c) {
				i++
				continue
			}
		}
		var p pattern
		found := false
		word := ""
		for {
			start := i
			for i < len(spec) && isWordChar(spec[i]) {
				i++
			}
			word = spec[start:i]
			if word == "" {
				return false // neither a word nor a separator
			}
			if op == opSpecial {
				break
			}
			multi := i < len(spec) && spec[i] == '+'
			if multi {
				i++
			}
			q, ok := names[word]
			if found = ok && p.and(q); !found || !multi {
				break
			}
		}
		switch {
		case op == opSpecial:
			switch {
			case word == "STRENGTH":
				l.strengthSort()
			case len(word) == 10 && word[:9] == "SECLEVEL=" && word[9] >= '0' && word[9] <= '5':
				// Security levels are OpenSSL 1.1+; accepted and ignored.
			default:
				return false
			}
		case found:
			l.run(&p, -1, op)
			continue
		}
		// Skip the rest of an item that was ignored or special.
		for i < len(spec) && !isSep(spec[i]) {
			i++
		}
	}
	return true
}

// selected lists the active suites in order.
func (l *list) selected() []Suite {
	var out []Suite
	for i := l.head; i >= 0; i = l.next[i] {
		if l.active[i] {
			out = append(out, table[i])
		}
	}
	return out
}

// defaultOrder puts the suites in OpenSSL 3's default preference order
// (ssl_create_cipher_list): ECDHE first, AES-GCM, then ChaCha20, then
// other AES, then the rest; MD5, anonymous, plain-RSA, PSK and RC4 suites
// later; then by strength; and finally (EC)DHE with AEAD, (EC)DHE, other
// AEAD, the rest, TLS 1.2 suites first within each.
func (l *list) defaultOrder() {
	rules := []struct {
		p  pattern
		op int
	}{
		{pattern{mkey: kECDHE, auth: aECDSA}, opAdd},
		{pattern{mkey: kECDHE}, opAdd},
		{pattern{mkey: kECDHE}, opDel},
		{pattern{enc: eAESGCM}, opAdd},
		{pattern{enc: eCHACHA20}, opAdd},
		{pattern{enc: eAES &^ eAESGCM}, opAdd},
		{pattern{}, opAdd},
		{pattern{mac: mMD5}, opOrd},
		{pattern{auth: aNULL}, opOrd},
		{pattern{mkey: kRSA}, opOrd},
		{pattern{mkey: kPSK}, opOrd},
		{pattern{enc: eRC4}, opOrd},
	}
	for _, r := range rules {
		l.run(&r.p, -1, r.op)
	}
	l.strengthSort()
	for _, p := range []pattern{
		{ver: verTLS12},
		{mac: mAEAD},
		{mkey: kDHE | kECDHE},
		{mkey: kDHE | kECDHE, mac: mAEAD},
	} {
		l.run(&p, -1, opBump)
	}
	l.run(&pattern{}, -1, opDel)
}

// table holds every suite: the TLS 1.3 ones first, then rows and
// exportRows. byID and names index it. They are built on first use
// (loadTable), not at start-up: most programs never parse a cipher list.
var (
	table []Suite
	byID  = map[uint16]int{}
	names = map[string]*pattern{}
)

// loadTable builds table, byID, names and base once.
var loadTable = sync.OnceFunc(buildTable)

func buildTable() {
	for _, r := range tls13Rows {
		table = append(table, makeSuite(r, false))
	}
	n13 := len(table)
	var old []Suite
	for _, r := range rows {
		old = append(old, makeSuite(r, false))
	}
	for _, r := range exportRows {
		old = append(old, makeSuite(r, true))
	}
	// OpenSSL collects its table from the end; ties in the default order
	// fall to that order.
	sort.SliceStable(old, func(i, j int) bool { return old[i].ID > old[j].ID })
	table = append(table, old...)

	for i := range table {
		byID[table[i].ID] = i
	}
	for name, a := range aliases {
		names[name] = a
	}
	for i := range table {
		s := &table[i]
		p := &pattern{id: s.ID, hasID: true, mkey: s.mkey, auth: s.auth, enc: s.enc,
			mac: s.mac, strength: s.strength, exp: s.exp}
		names[s.Name] = p
	}
	for name, id := range extraNames {
		names[name] = names[table[byID[id]].Name]
	}

	// Order the TLS 1.2-and-earlier suites, then put the TLS 1.3 ones in
	// front.
	n := len(table)
	l := &list{next: make([]int, n), prev: make([]int, n), active: make([]bool, n)}
	for i := n13; i < n; i++ {
		l.prev[i], l.next[i] = i-1, i+1
	}
	l.prev[n13], l.next[n-1] = -1, -1
	l.head, l.tail = n13, n-1
	l.defaultOrder()
	for i := n13 - 1; i >= 0; i-- {
		l.prev[i], l.next[i] = -1, l.head
		l.prev[l.head] = i
		l.head = i
	}
	base = l
}
