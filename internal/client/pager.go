package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// ListOptions bounds a list call.
type ListOptions struct {
	// PageSize is the number of items asked for per page; 0 means the
	// endpoint's maximum.
	PageSize int
	// MaxItems stops the listing once this many items were read; 0 reads
	// every page.
	MaxItems int
}

// Stats says what a list call cost.
type Stats struct {
	Requests int
	Items    int
}

// PageError says which page of a listing failed.
type PageError struct {
	Page int
	Path string
	Err  error
}

func (e *PageError) Error() string {
	return fmt.Sprintf("page %d of GET %s: %v", e.Page, e.Path, e.Err)
}

func (e *PageError) Unwrap() error { return e.Err }

// v2Meta is the paging block of the /v2 endpoints.
type v2Meta struct {
	Key           string  `json:"key"`
	PageSize      int     `json:"pageSize"`
	PreviousToken *string `json:"previousToken"`
	NextToken     *string `json:"nextToken"`
}

// v1Meta is the paging block of the /v1 endpoints.
type v1Meta struct {
	Key         string  `json:"key"`
	Page        int     `json:"page"`
	PageSize    int     `json:"page_size"`
	URL         string  `json:"url"`
	NextPageURL *string `json:"next_page_url"`
}

// pageFunc receives each page's items, in API order.
type pageFunc[T any] func(items []T) error

// listV2 reads a /v2 list: the same path and filters on every page, plus
// pageToken=<meta.nextToken> until the token is absent, null or empty.
func listV2[T any](ctx context.Context, c *Client, path, itemsKey string, query url.Values, opts ListOptions, maxPageSize int, fn pageFunc[T]) (Stats, error) {
	pageSize := strconv.Itoa(effectivePageSize(opts, maxPageSize))
	urlFor := func(token string) *url.URL {
		q := cloneValues(query)
		q.Set("pageSize", pageSize)
		if token != "" {
			q.Set("pageToken", token)
		}
		return c.endpoint(path, q)
	}
	seen := map[string]bool{}
	next := func(m *v2Meta) (*url.URL, error) {
		if m.NextToken == nil || *m.NextToken == "" {
			return nil, nil
		}
		if seen[*m.NextToken] {
			return nil, fmt.Errorf("Twilio returned page token %q a second time; stopping rather than looping, as the list would never end", *m.NextToken)
		}
		seen[*m.NextToken] = true
		return urlFor(*m.NextToken), nil
	}
	return list(ctx, c, path, itemsKey, urlFor(""), opts, next, fn)
}

// listV1 reads a /v1 list by following meta.next_page_url until it is null
// or empty. Only the path and query of that URL are used, on the configured
// host, so credentials never go to a host named in a response body.
func listV1[T any](ctx context.Context, c *Client, path, itemsKey string, query url.Values, opts ListOptions, maxPageSize int, fn pageFunc[T]) (Stats, error) {
	q := cloneValues(query)
	q.Set("PageSize", strconv.Itoa(effectivePageSize(opts, maxPageSize)))
	seen := map[string]bool{}
	next := func(m *v1Meta) (*url.URL, error) {
		if m.NextPageURL == nil || *m.NextPageURL == "" {
			return nil, nil
		}
		n, err := url.Parse(*m.NextPageURL)
		if err != nil {
			return nil, fmt.Errorf("Twilio returned a next_page_url that is not a URL: %w", err)
		}
		if n.Host != "" && n.Host != c.base.Host {
			tflog.SubsystemDebug(ctx, LogSubsystem, "next_page_url names another host; following its path on the configured host", map[string]interface{}{"next_host": n.Host})
		}
		u := &url.URL{Scheme: c.base.Scheme, Host: c.base.Host, Path: n.Path, RawPath: n.RawPath, RawQuery: n.RawQuery}
		if seen[u.String()] {
			return nil, fmt.Errorf("Twilio returned next_page_url %q a second time; stopping rather than looping, as the list would never end", u.RequestURI())
		}
		seen[u.String()] = true
		return u, nil
	}
	return list(ctx, c, path, itemsKey, c.endpoint(path, q), opts, next, fn)
}

// fetched is one page as the fetcher hands it over: its raw body, its meta
// block and the next page's URL, or the error that ended the listing. Its
// items are decoded in the background; decoded is closed once they are.
type fetched[T, M any] struct {
	page int
	body []byte
	meta *M
	next *url.URL
	err  error

	decoded     chan struct{}
	items       []T
	decodedMeta *M
	decodeErr   error
}

// decode decodes the page's items, in the background when async, and then
// hands the body's buffer to free for a later page: nothing decoded refers
// to it, as the decoder copies every string and raw value out.
func (f *fetched[T, M]) decode(itemsKey string, async bool, free chan<- []byte) {
	f.decoded = make(chan struct{})
	run := func() {
		defer close(f.decoded)
		f.items, f.decodedMeta, f.decodeErr = decodePage[T, M](f.body, itemsKey)
		select {
		case free <- f.body:
		default:
		}
		f.body = nil
	}
	if async {
		go run()
	} else {
		run()
	}
}

// list is the paging engine of both styles. A fetcher goroutine requests
// page k+1 as soon as it knows where it is (from page k's meta block, read
// without decoding the items) while the caller decodes and maps page k, so
// that the provider's own work hides behind the network. With MaxItems the
// pages are read one at a time, so that no request is made past the limit.
// next gives the URL of the page after one whose meta it is given, or nil
// at the end; it is only ever called from one goroutine at a time.
func list[T, M any](ctx context.Context, c *Client, path, itemsKey string, first *url.URL, opts ListOptions, next func(*M) (*url.URL, error), fn pageFunc[T]) (Stats, error) {
	ctx = c.logContext(ctx)
	ctx, cancel := context.WithCancel(ctx)
	var st Stats

	// Every error leaves through here, with this client's secrets removed
	// in case a server or proxy echoed them into a body.
	fail := func(page int, err error) error {
		return &PageError{Page: page, Path: path, Err: c.redactErr(err)}
	}

	prefetch := opts.MaxItems == 0
	// Buffers of decoded pages, for the pages still to be read. Only a few
	// pages are ever in flight (see pages below), so a few buffers serve a
	// listing of any length.
	free := make(chan []byte, 4)
	fetch := func(page int, u *url.URL) *fetched[T, M] {
		var buf []byte
		select {
		case buf = <-free:
		default:
		}
		body, err := c.get(ctx, u, buf)
		if err != nil {
			return &fetched[T, M]{page: page, err: err}
		}
		logBody(ctx, body)
		meta, err := peekMeta[M](body)
		if err != nil {
			return &fetched[T, M]{page: page, err: err}
		}
		n, err := next(meta)
		f := &fetched[T, M]{page: page, body: body, meta: meta, next: n, err: err}
		if err == nil {
			// Decoding runs on another core while the next page is
			// requested and the previous one is mapped.
			f.decode(itemsKey, prefetch, free)
		}
		return f
	}

	// One page of buffer: the fetcher runs at most two pages ahead of the
	// caller, so that two pages can be decoding while one is mapped (a
	// read of many large pages is CPU-bound), and an error wastes at most
	// two requests.
	pages := make(chan *fetched[T, M], 1)
	done := make(chan struct{})
	if !prefetch {
		close(done)
	} else {
		go func() {
			defer close(done)
			defer close(pages)
			u := first
			for page := 1; u != nil; page++ {
				f := fetch(page, u)
				// Hand the page (or its error, which says more than a bare
				// cancellation) over if there is room, else wait for room.
				select {
				case pages <- f:
				default:
					select {
					case pages <- f:
					case <-ctx.Done():
						return
					}
				}
				if f.err != nil {
					return
				}
				u = f.next
			}
		}()
	}
	// Stop the fetcher and wait for it, so that no request is made after
	// list returns.
	defer func() { cancel(); <-done }()

	u := first
	for page := 1; ; page++ {
		var f *fetched[T, M]
		if !prefetch {
			f = fetch(page, u)
		} else {
			var ok bool
			if f, ok = <-pages; !ok {
				// The fetcher stops early only when the context ends; the
				// list is complete only once a page with no next page was
				// delivered below.
				err := ctx.Err()
				if err == nil {
					err = errors.New("the listing stopped before its last page")
				}
				return st, fail(page, fmt.Errorf("cancelled before this page was read: %w", err))
			}
		}
		st.Requests++
		if f.err != nil {
			return st, fail(f.page, f.err)
		}
		start := time.Now()
		<-f.decoded
		items := f.items
		if f.decodeErr != nil {
			return st, fail(f.page, f.decodeErr)
		}
		if err := samePosition(f.decodedMeta, f.meta); err != nil {
			return st, fail(f.page, err)
		}
		complete, err := deliver(&st, opts, items, fn)
		tflog.SubsystemDebug(ctx, LogSubsystem, "page read", map[string]interface{}{"page": f.page, "items": len(items), "total_items": st.Items, "wait_and_map_ms": time.Since(start).Milliseconds()})
		if err != nil || complete || f.next == nil {
			return st, err
		}
		u = f.next
	}
}

// redactErr removes this client's secrets from the text of a Twilio error
// or a malformed body's excerpt.
func (c *Client) redactErr(err error) error {
	var apiErr *Error
	if errors.As(err, &apiErr) {
		apiErr.Message = c.redact(apiErr.Message)
	}
	var me *MalformedError
	if errors.As(err, &me) {
		me.Excerpt = c.redact(me.Excerpt)
	}
	return err
}

// peekMeta reads a page's meta block without decoding its items. Twilio
// puts meta last, so the fast path parses it from the tail of the body;
// any other layout falls back to a full scan.
func peekMeta[M any](body []byte) (*M, error) {
	if m, ok := tailMeta[M](body); ok {
		return m, nil
	}
	var env struct {
		Meta *M `json:"meta"`
	}
	if err := json.Unmarshal(body, &env, lenientUTF8); err != nil {
		return nil, malformed(body, err)
	}
	if env.Meta == nil {
		return nil, malformed(body, errors.New("the response has no \"meta\" block, so it cannot tell whether more pages follow"))
	}
	return env.Meta, nil
}

var metaKey = []byte(`"meta"`)

// tailMeta parses `"meta": {...} }` at the very end of body. It reports
// false, and the caller scans the whole body, unless the last "meta" key is
// followed by exactly one object and the closing brace of the document.
func tailMeta[M any](body []byte) (*M, bool) {
	i := bytes.LastIndex(body, metaKey)
	if i <= 0 || body[i-1] == '\\' {
		return nil, false
	}
	rest := bytes.TrimLeft(body[i+len(metaKey):], " \t\r\n")
	if len(rest) == 0 || rest[0] != ':' {
		return nil, false
	}
	dec := jsontext.NewDecoder(bytes.NewBuffer(rest[1:]), lenientUTF8)
	raw, err := dec.ReadValue()
	if err != nil || raw.Kind() != '{' {
		return nil, false
	}
	tail := bytes.TrimSpace(rest[1+int(dec.InputOffset()):])
	if len(tail) != 1 || tail[0] != '}' {
		return nil, false
	}
	m := new(M)
	if err := json.Unmarshal(raw, m, lenientUTF8); err != nil {
		return nil, false
	}
	return m, true
}

// samePosition checks that the fully decoded meta block is the one the
// fetcher followed: a body that fooled the fast path fails loudly instead
// of skipping or repeating pages.
func samePosition[M any](decoded, peeked *M) error {
	a, _ := json.Marshal(decoded)
	b, _ := json.Marshal(peeked)
	if !bytes.Equal(a, b) {
		return fmt.Errorf("the response's meta block is ambiguous (%s, %s); refusing to guess the next page", a, b)
	}
	return nil
}

func effectivePageSize(opts ListOptions, maxPageSize int) int {
	n := opts.PageSize
	if n <= 0 || n > maxPageSize {
		n = maxPageSize
	}
	// No point asking for more than will be kept.
	if opts.MaxItems > 0 && opts.MaxItems < n {
		n = opts.MaxItems
	}
	return n
}

// deliver hands a page to fn, cut to MaxItems, and says whether the listing
// is complete.
func deliver[T any](st *Stats, opts ListOptions, items []T, fn pageFunc[T]) (bool, error) {
	done := false
	if opts.MaxItems > 0 && st.Items+len(items) >= opts.MaxItems {
		items = items[:opts.MaxItems-st.Items]
		done = true
	}
	st.Items += len(items)
	return done, fn(items)
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v)+2)
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// endpoint builds a URL on the configured host from an unescaped path whose
// variable segments were escaped with url.PathEscape by the caller.
func (c *Client) endpoint(escapedPath string, q url.Values) *url.URL {
	u := &url.URL{Scheme: c.base.Scheme, Host: c.base.Host, RawQuery: q.Encode()}
	// escapedPath is already escaped; keep it as is on the wire.
	if p, err := url.PathUnescape(escapedPath); err == nil {
		u.Path, u.RawPath = p, escapedPath
	} else {
		u.Path = escapedPath
	}
	return u
}

// lenientUTF8 makes the decoder replace invalid UTF-8 with U+FFFD rather
// than refuse the page, as encoding/json does.
var lenientUTF8 = jsontext.AllowInvalidUTF8(true)

// decodePage decodes {"<itemsKey>": [...], "meta": {...}}. A body without
// the list or without meta is refused: without meta, nobody can tell whether
// more pages follow, and a silently short result is worse than an error.
//
// Pages are decoded with the JSON v2 implementation, which decodes a full
// page of conversations in less than half the time encoding/json takes.
// Invalid UTF-8 becomes U+FFFD, as with encoding/json; a name that appears
// twice in one object makes the page malformed.
func decodePage[T, M any](body []byte, itemsKey string) ([]T, *M, error) {
	dec := jsontext.NewDecoder(bytes.NewBuffer(body), lenientUTF8)
	if err := expectKind(dec, '{'); err != nil {
		return nil, nil, malformed(body, err)
	}
	var items []T
	var meta *M
	haveItems := false
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return nil, nil, malformed(body, err)
		}
		switch key := tok.String(); key {
		case itemsKey:
			haveItems = true
			if err := json.UnmarshalDecode(dec, &items); err != nil {
				return nil, nil, malformed(body, fmt.Errorf("decoding %q: %w", itemsKey, err))
			}
		case "meta":
			if err := json.UnmarshalDecode(dec, &meta); err != nil {
				return nil, nil, malformed(body, fmt.Errorf("decoding \"meta\": %w", err))
			}
		default:
			if err := dec.SkipValue(); err != nil {
				return nil, nil, malformed(body, err)
			}
		}
	}
	if err := expectKind(dec, '}'); err != nil {
		return nil, nil, malformed(body, err)
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return nil, nil, malformed(body, errors.New("unexpected data after the JSON object"))
	}
	if !haveItems {
		return nil, nil, malformed(body, fmt.Errorf("the response has no %q list", itemsKey))
	}
	if meta == nil {
		return nil, nil, malformed(body, errors.New("the response has no \"meta\" block, so it cannot tell whether more pages follow"))
	}
	if items == nil {
		items = []T{}
	}
	return items, meta, nil
}

func expectKind(dec *jsontext.Decoder, want jsontext.Kind) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	if tok.Kind() != want {
		return fmt.Errorf("expected %q, found %s", want, tok.Kind())
	}
	return nil
}

// MalformedError is a 2xx response whose body is not the expected JSON.
type MalformedError struct {
	Err     error
	Excerpt string
}

func (e *MalformedError) Error() string {
	return fmt.Sprintf("Twilio's response was not the expected JSON (%v); it began: %s", e.Err, e.Excerpt)
}

func (e *MalformedError) Unwrap() error { return e.Err }

func malformed(body []byte, err error) error {
	return &MalformedError{Err: err, Excerpt: readableExcerpt(body[:min(len(body), 2*maxRawMessage)])}
}
