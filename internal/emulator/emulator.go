// Package emulator is a local, in-memory emulator of the Twilio
// Conversations endpoints the provider reads, with Twilio's paging, errors
// and authentication, and optional fault injection. It backs the
// provider's tests, its demo and its benchmarks, and lets users test their
// own configurations offline. Its responses follow Twilio's OpenAPI specs
// (spec/), which internal/contract checks them against.
package emulator

import (
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Default credentials of the emulator.
const (
	DefaultUsername = "AC00000000000000000000000000000001"
	DefaultPassword = "emulatorauthtoken"
)

// Faults are failures the emulator injects; all are off when zero.
type Faults struct {
	// Latency delays every response (the time to build it included).
	Latency time.Duration
	// RateLimitEvery answers every Nth request with 429 (code 20429).
	RateLimitEvery int
	// RetryAfter, when set, is sent as the Retry-After header of those 429s.
	RetryAfter string
	// ServerErrorRate is the fraction of requests answered with
	// ServerErrorStatus (default 503), at random.
	ServerErrorRate   float64
	ServerErrorStatus int
	// MalformedEvery answers every Nth successful request with a body that
	// is not valid JSON.
	MalformedEvery int
}

// Options configure a Server.
type Options struct {
	Username string
	Password string
	Faults   Faults
	// Seed drives the random faults.
	Seed uint64
}

// Request is what the emulator recorded of one request.
type Request struct {
	Method   string
	Path     string // unescaped
	RawPath  string // as sent
	Query    url.Values
	RawQuery string
	Status   int
	// Received is when the request arrived.
	Received time.Time
}

// Server serves a Dataset. It is safe for concurrent use; the data never
// changes after New.
type Server struct {
	opts  Options
	ix    *index
	comms *communicationIndex
	count atomic.Int64

	mu       sync.Mutex
	rng      *rand.Rand
	requests []Request
	// selected caches the conversations each filter selects, so that a
	// page is a slice of them and not a scan of the whole account.
	selected map[string][]json.RawMessage
}

// maxSelected bounds the filters whose conversations are cached.
const maxSelected = 64

// New indexes d and returns a server for it.
func New(d *Dataset, opts Options) (*Server, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	ix, err := buildIndex(d)
	if err != nil {
		return nil, err
	}
	comms, err := buildCommunicationIndex(d)
	if err != nil {
		return nil, err
	}
	if opts.Username == "" {
		opts.Username = DefaultUsername
	}
	if opts.Password == "" {
		opts.Password = DefaultPassword
	}
	if opts.Faults.ServerErrorStatus == 0 {
		opts.Faults.ServerErrorStatus = http.StatusServiceUnavailable
	}
	return &Server{opts: opts, ix: ix, comms: comms, rng: rand.New(rand.NewPCG(opts.Seed, 7))}, nil
}

// Requests returns a copy of every request received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// RequestCount is the number of requests received so far.
func (s *Server) RequestCount() int { return int(s.count.Load()) }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	n := s.count.Add(1)
	// A request is recorded before its answer is sent, so that a client
	// that has its answer finds it in Requests.
	record := func(status int) {
		s.mu.Lock()
		s.requests = append(s.requests, Request{
			Method: r.Method, Path: r.URL.Path, RawPath: r.URL.EscapedPath(),
			Query: r.URL.Query(), RawQuery: r.URL.RawQuery, Status: status, Received: start,
		})
		s.mu.Unlock()
	}
	body, status, hdr := s.respond(r, n)
	if d := s.opts.Faults.Latency - time.Since(start); d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			record(status)
			return
		}
	}
	record(status)
	for k, v := range hdr {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// respond builds the whole answer to one request.
func (s *Server) respond(r *http.Request, n int64) ([]byte, int, http.Header) {
	f := s.opts.Faults
	if r.Method != http.MethodGet {
		return twilioError(http.StatusMethodNotAllowed, 20004, "Method not allowed"), http.StatusMethodNotAllowed, nil
	}
	if !s.authorized(r) {
		hdr := http.Header{"Www-Authenticate": {`Basic realm="Twilio API"`}}
		return twilioError(http.StatusUnauthorized, 20003, "Authenticate"), http.StatusUnauthorized, hdr
	}
	if f.RateLimitEvery > 0 && n%int64(f.RateLimitEvery) == 0 {
		var hdr http.Header
		if f.RetryAfter != "" {
			hdr = http.Header{"Retry-After": {f.RetryAfter}}
		}
		return twilioError(http.StatusTooManyRequests, 20429, "Too Many Requests"), http.StatusTooManyRequests, hdr
	}
	if f.ServerErrorRate > 0 {
		s.mu.Lock()
		hit := s.rng.Float64() < f.ServerErrorRate
		s.mu.Unlock()
		if hit {
			return twilioError(f.ServerErrorStatus, 20500, "Internal Server Error"), f.ServerErrorStatus, nil
		}
	}
	body, status := s.route(r)
	if status == http.StatusOK && f.MalformedEvery > 0 && n%int64(f.MalformedEvery) == 0 {
		body = body[:len(body)/2]
	}
	return body, status, nil
}

func (s *Server) authorized(r *http.Request) bool {
	u, p, ok := r.BasicAuth()
	return ok && subtle.ConstantTimeCompare([]byte(u), []byte(s.opts.Username)) == 1 &&
		subtle.ConstantTimeCompare([]byte(p), []byte(s.opts.Password)) == 1
}

func (s *Server) route(r *http.Request) ([]byte, int) {
	parts := strings.Split(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/")
	seg := func(i int) string {
		v, err := url.PathUnescape(parts[i])
		if err != nil {
			return "\x00invalid"
		}
		return v
	}
	is := func(pattern ...string) bool {
		if len(parts) != len(pattern) {
			return false
		}
		for i, p := range pattern {
			if p != "*" && p != parts[i] {
				return false
			}
		}
		return true
	}
	switch {
	case is("v2", "Conversations"):
		return s.listConversations(r)
	case is("v2", "Conversations", "*"):
		return s.conversation(seg(2))
	case is("v2", "Conversations", "*", "Participants"):
		return s.listParticipants(r, seg(2))
	case is("v2", "Conversations", "*", "Participants", "*"):
		return s.participant(seg(2), seg(4))
	case is("v2", "Conversations", "*", "Communications"):
		return s.listCommunications(r, seg(2))
	case is("v2", "Conversations", "*", "Communications", "*"):
		return s.communication(seg(2), seg(4))
	case is("v2", "ControlPlane", "Configurations"):
		return s.listConfigurations(r)
	case is("v2", "ControlPlane", "Configurations", "*"):
		return s.configuration(seg(3))
	case is("v1", "Services"):
		return pageV1(r, "services", s.ix.serviceList, maxPageSizeServices)
	case is("v1", "Services", "*", "Users"):
		return s.listUsers(r, seg(2))
	case is("v1", "Services", "*", "Users", "*", "Conversations"):
		return s.listUserConversations(r, seg(2), seg(4))
	case is("v1", "Users", "*", "Conversations"):
		return s.listUserConversations(r, "", seg(2))
	case is("v1", "ParticipantConversations"):
		return s.listParticipantConversations(r, "")
	case is("v1", "Services", "*", "ParticipantConversations"):
		return s.listParticipantConversations(r, seg(2))
	}
	if body, status, ok := s.routeAccount(r, is, seg); ok {
		return body, status
	}
	if body, status, ok := s.routeClassic(r, parts, seg); ok {
		return body, status
	}
	if body, status, ok := s.routeServiceSettings(r); ok {
		return body, status
	}
	return twilioError(http.StatusNotFound, 20404, "The requested resource "+r.URL.Path+" was not found"), http.StatusNotFound
}

func (s *Server) listConversations(r *http.Request) ([]byte, int) {
	q := r.URL.Query()
	allowed := map[string]bool{}
	for _, st := range q["status"] {
		if st != "ACTIVE" && st != "INACTIVE" && st != "CLOSED" {
			return twilioError(400, 20001, fmt.Sprintf("Invalid status %q: must be one of ACTIVE, INACTIVE, CLOSED", st)), 400
		}
		allowed[st] = true
	}
	return pageV2(r, "conversations", s.selectConversations(allowed, q.Get("channelId")), "status", "channelId")
}

// selectConversations is the conversations in one of the allowed states
// (any when none is) and with the channel (any when empty), in order. The
// data never changes, so each selection is made once: reading a listing
// costs each page its own items, not a scan of every conversation.
func (s *Server) selectConversations(allowed map[string]bool, channel string) []json.RawMessage {
	states := make([]string, 0, len(allowed))
	for st := range allowed {
		states = append(states, st)
	}
	sort.Strings(states)
	key := strings.Join(states, ",") + "\x00" + channel
	s.mu.Lock()
	items, ok := s.selected[key]
	s.mu.Unlock()
	if ok {
		return items
	}
	items = []json.RawMessage{}
	for i := range s.ix.conversations {
		c := &s.ix.conversations[i]
		if len(allowed) > 0 && !allowed[c.status] {
			continue
		}
		if channel != "" && !contains(c.channelIDs, channel) {
			continue
		}
		items = append(items, c.raw)
	}
	s.mu.Lock()
	if s.selected == nil || len(s.selected) >= maxSelected {
		s.selected = map[string][]json.RawMessage{}
	}
	s.selected[key] = items
	s.mu.Unlock()
	return items
}

func (s *Server) listParticipants(r *http.Request, id string) ([]byte, int) {
	c, ok := s.ix.byID[id]
	if !ok {
		return twilioError(404, 20404, fmt.Sprintf("Conversation %s was not found", id)), 404
	}
	return pageV2(r, "participants", c.participants)
}

func (s *Server) conversation(id string) ([]byte, int) {
	c, ok := s.ix.byID[id]
	if !ok {
		return twilioError(404, 20404, fmt.Sprintf("Conversation %s was not found", id)), 404
	}
	return c.raw, 200
}

func (s *Server) listConfigurations(r *http.Request) ([]byte, int) {
	q := r.URL.Query()
	store := q.Get("memoryStoreId")
	if store != "" && !memoryStoreID.MatchString(store) {
		return twilioError(400, 20001, fmt.Sprintf("Invalid memoryStoreId %q", store)), 400
	}
	items := []json.RawMessage{}
	for _, c := range s.ix.configurations {
		if store == "" || c.memoryStoreID == store {
			items = append(items, c.raw)
		}
	}
	return pageV2(r, "configurations", items, "memoryStoreId")
}

// memoryStoreID is the pattern of a memory store id in Twilio's spec.
var memoryStoreID = regexp.MustCompile(`^mem_(store|service)_[0-7][0-9a-z]{25}$`)

func (s *Server) configuration(id string) ([]byte, int) {
	raw, ok := s.ix.configurationsByID[id]
	if !ok {
		return twilioError(404, 20404, fmt.Sprintf("Configuration %s was not found", id)), 404
	}
	return raw, 200
}

// service is the service with this SID, or the default one for "".
func (s *Server) service(sid string) (*serviceIndex, []byte) {
	si := s.ix.services[sid]
	if sid == "" {
		si = s.ix.defaultService
	}
	if si == nil {
		return nil, twilioError(404, 20404, fmt.Sprintf("The requested resource /Services/%s was not found", sid))
	}
	return si, nil
}

func (s *Server) listUsers(r *http.Request, service string) ([]byte, int) {
	si, errBody := s.service(service)
	if errBody != nil {
		return errBody, 404
	}
	return pageV1(r, "users", si.users, maxPageSizeV1)
}

func (s *Server) listUserConversations(r *http.Request, service, user string) ([]byte, int) {
	si, errBody := s.service(service)
	if errBody != nil {
		return errBody, 404
	}
	items, ok := si.byUser[user]
	if !ok {
		return twilioError(404, 20404, fmt.Sprintf("The requested resource /Services/%s/Users/%s was not found", service, user)), 404
	}
	return pageV1(r, "conversations", items, maxPageSizeV1)
}

func (s *Server) listParticipantConversations(r *http.Request, service string) ([]byte, int) {
	si, errBody := s.service(service)
	if errBody != nil {
		return errBody, 404
	}
	q := r.URL.Query()
	identity, address := q.Get("Identity"), q.Get("Address")
	if (identity == "") == (address == "") {
		return twilioError(400, 20001, "Either Identity or Address must be specified, but not both"), 400
	}
	if identity != "" {
		return pageV1(r, "conversations", si.byIdentity[identity], maxPageSizeV1, "Identity", "Address")
	}
	return pageV1(r, "conversations", si.byAddress[address], maxPageSizeV1, "Identity", "Address")
}

func contains(ss []string, s string) bool {
	for _, v := range ss {
		if v == s {
			return true
		}
	}
	return false
}

// Paging.

const (
	maxPageSizeV2 = 1000
	maxPageSizeV1 = 50
	// maxPageSizeServices is the largest page of /v1/Services.
	maxPageSizeServices = 100
	defaultPage         = 50
)

// pageSize reads a page size parameter; Twilio refuses one out of range
// with 20007 instead of clamping it.
func pageSize(q url.Values, key string, limit int) (int, []byte) {
	s := q.Get(key)
	if s == "" {
		return defaultPage, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > limit {
		return 0, twilioError(400, 20007, fmt.Sprintf("Invalid %s %q: must be between 1 and %d", key, s, limit))
	}
	return n, nil
}

// token is the content of an opaque page token: where the page starts and
// a fingerprint of the listing it belongs to.
type token struct {
	Offset int    `json:"o"`
	Filter string `json:"f"`
}

func encodeToken(t token) string {
	b, _ := json.Marshal(t)
	return base64.URLEncoding.EncodeToString(b)
}

func decodeToken(s, filter string) (int, bool) {
	b, err := base64.URLEncoding.DecodeString(s)
	if err != nil {
		return 0, false
	}
	var t token
	if json.Unmarshal(b, &t) != nil || t.Filter != filter || t.Offset < 0 {
		return 0, false
	}
	return t.Offset, true
}

// listing fingerprints what a page token belongs to: the path and the
// values of the filters the endpoint knows, in any order, so that a token
// is only good for the listing it was issued for. Other parameters are
// ignored, as the endpoint ignores them, and never go into a token: a
// client that repeats them with the token (twilio-go sends PageSize and
// PageToken to the v2 endpoints, which know neither) would otherwise get a
// token that holds the one before, a third longer every page. A hash keeps
// every token the same short size.
func listing(r *http.Request, filters ...string) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(r.URL.Path))
	q := r.URL.Query()
	for _, k := range filters {
		vs := slices.Clone(q[k])
		slices.Sort(vs)
		for _, v := range vs {
			_, _ = fmt.Fprintf(h, "\x00%s=%s", k, v)
		}
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// v2Meta is the meta block of a v2 page. The spec does not let a token be
// null: one that does not exist, before the first page or after the last,
// is left out.
type v2Meta struct {
	Key           string `json:"key"`
	PageSize      int    `json:"pageSize"`
	PreviousToken string `json:"previousToken,omitempty"`
	NextToken     string `json:"nextToken,omitempty"`
}

// pageV2 is a page of items, by pageSize and pageToken; filters name the
// query parameters that select the items.
func pageV2(r *http.Request, key string, items []json.RawMessage, filters ...string) ([]byte, int) {
	q := r.URL.Query()
	size, errBody := pageSize(q, "pageSize", maxPageSizeV2)
	if errBody != nil {
		return errBody, 400
	}
	filter := listing(r, filters...)
	offset := 0
	if t := q.Get("pageToken"); t != "" {
		var ok bool
		if offset, ok = decodeToken(t, filter); !ok {
			return twilioError(400, 21481, "Invalid page token"), 400
		}
	}
	page, end := slice(items, offset, size)
	meta := v2Meta{Key: key, PageSize: len(page)}
	if end < len(items) {
		meta.NextToken = encodeToken(token{Offset: end, Filter: filter})
	}
	if offset > 0 {
		meta.PreviousToken = encodeToken(token{Offset: max(0, offset-size), Filter: filter})
	}
	return envelope(key, page, mustJSON(meta)), 200
}

// v1Meta is the meta block of a v1 page. Its page URLs are absolute and
// carry every parameter; previous_page_url and next_page_url are null on
// the first and the last page.
type v1Meta struct {
	FirstPageURL    string  `json:"first_page_url"`
	Key             string  `json:"key"`
	NextPageURL     *string `json:"next_page_url"`
	Page            int     `json:"page"`
	PageSize        int     `json:"page_size"`
	PreviousPageURL *string `json:"previous_page_url"`
	URL             string  `json:"url"`
}

// pageV1 is a page of all, by PageSize, Page and PageToken; filters name
// the query parameters that select the items.
func pageV1(r *http.Request, key string, all []json.RawMessage, maxPageSize int, filters ...string) ([]byte, int) {
	q := r.URL.Query()
	size, errBody := pageSize(q, "PageSize", maxPageSize)
	if errBody != nil {
		return errBody, 400
	}
	filter := listing(r, filters...)
	page := 0
	offset := 0
	if t := q.Get("PageToken"); t != "" {
		var ok bool
		if offset, ok = decodeToken(t, filter); !ok {
			return twilioError(400, 21481, "Invalid page token"), 400
		}
		page, _ = strconv.Atoi(q.Get("Page"))
	}
	items, end := slice(all, offset, size)
	base := "http://" + r.Host + r.URL.EscapedPath()
	pageURL := func(p, off int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("PageSize", strconv.Itoa(size))
		v.Set("Page", strconv.Itoa(p))
		v.Del("PageToken")
		if off > 0 {
			v.Set("PageToken", encodeToken(token{Offset: off, Filter: filter}))
		}
		return base + "?" + v.Encode()
	}
	meta := v1Meta{Key: key, Page: page, PageSize: size, FirstPageURL: pageURL(0, 0), URL: pageURL(page, offset)}
	if end < len(all) {
		next := pageURL(page+1, end)
		meta.NextPageURL = &next
	}
	if offset > 0 {
		prev := pageURL(max(0, page-1), max(0, offset-size))
		meta.PreviousPageURL = &prev
	}
	return envelope(key, items, mustJSON(meta)), 200
}

func slice(items []json.RawMessage, offset, size int) ([]json.RawMessage, int) {
	if offset > len(items) {
		offset = len(items)
	}
	end := min(offset+size, len(items))
	return items[offset:end], end
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// envelope writes {"<key>":[...],"meta":{...}} from pre-encoded items.
func envelope(key string, items []json.RawMessage, meta []byte) []byte {
	n := len(key) + len(meta) + 32
	for _, it := range items {
		n += len(it) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, `{"`+key+`":[`...)
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it...)
	}
	b = append(b, `],"meta":`...)
	b = append(b, meta...)
	return append(b, '}')
}

// apiError is Twilio's error body, {code, message, more_info, status}, as
// both API versions answer it: the v2 spec documents this shape for every
// error it lists, and the v1 API has always used it.
type apiError struct {
	Code     int    `json:"code"`
	Message  string `json:"message"`
	MoreInfo string `json:"more_info"`
	Status   int    `json:"status"`
}

// twilioError is the body of an error with this HTTP status and Twilio code.
func twilioError(status, code int, msg string) []byte {
	return mustJSON(apiError{Code: code, Message: msg, MoreInfo: fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code), Status: status})
}
