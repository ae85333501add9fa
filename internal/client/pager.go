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

// PageError says which page of a listing failed; Page is 0 for a request
// of one object.
type PageError struct {
	Page int
	Path string
	Err  error
}

func (e *PageError) Error() string {
	if e.Page == 0 {
		return fmt.Sprintf("GET %s: %v", e.Path, e.Err)
	}
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
			tflog.SubsystemDebug(ctx, LogSubsystem, "next_page_url names another host; following its path on the configured host", map[string]interface{}{"next_host": c.redactor.redact(n.Host)})
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

// page is one page as the fetcher hands it over: its body, or the error
// that ended the listing. last says that no page follows it.
type page struct {
	n    int
	body []byte
	last bool
	err  error
}

// list is the paging engine of both styles. One fetcher goroutine requests
// the pages in order and reads only their meta block, which says where the
// next page is; it hands each body over on an unbuffered channel and
// requests the next page while the caller decodes this one's items and fn
// writes them. So one page is on its way while one is worked on, and never
// more. next gives the URL of the page after one whose meta it is given,
// or nil at the end. The fetcher stops on its own once MaxItems items were
// read, so that no request is made past the limit.
func list[T, M any](ctx context.Context, c *Client, path, itemsKey string, first *url.URL, opts ListOptions, next func(*M) (*url.URL, error), fn pageFunc[T]) (Stats, error) {
	ctx = c.logContext(ctx)
	ctx, cancel := context.WithCancel(ctx)
	pages := make(chan page)
	go func() {
		defer close(pages)
		u, items := first, 0
		for n := 1; u != nil; n++ {
			p := page{n: n}
			var meta *M
			var count int
			p.body, p.err = c.get(ctx, u)
			if p.err == nil {
				c.logBody(ctx, p.body)
				meta, count, p.err = readMeta[M](p.body, itemsKey)
				p.err = c.redactMalformed(p.body, p.err)
			}
			if p.err == nil {
				items += count
				u = nil
				if opts.MaxItems == 0 || items < opts.MaxItems {
					u, p.err = next(meta)
				}
				p.last = u == nil
			}
			// The caller takes every page, or drains them once it has
			// returned, so a page, its error included, is always handed
			// over: the error says more than a bare cancellation.
			pages <- p
			if p.err != nil {
				return
			}
		}
	}()
	// Stop the fetcher and wait for it, so that no request is made after
	// list returns.
	defer func() {
		cancel()
		for range pages {
		}
	}()

	var st Stats
	// Every error leaves through here, with this client's secrets removed
	// in case a server or proxy echoed them into a body.
	fail := func(page int, err error) error {
		return &PageError{Page: page, Path: path, Err: c.redactErr(err)}
	}
	for p := range pages {
		st.Requests++
		if p.err != nil {
			return st, fail(p.n, p.err)
		}
		start := time.Now()
		items, _, err := decodePage[T, M](p.body, itemsKey)
		if err != nil {
			return st, fail(p.n, c.redactMalformed(p.body, err))
		}
		// The items hold copies of what they need: the body can go while
		// fn writes them, as the next one is being read.
		p.body = nil
		complete, err := deliver(&st, opts, items, fn)
		tflog.SubsystemDebug(ctx, LogSubsystem, "page read", map[string]interface{}{"page": p.n, "items": len(items), "total_items": st.Items, "decode_and_write_ms": time.Since(start).Milliseconds()})
		if err != nil || complete || p.last {
			return st, err
		}
	}
	// The fetcher stops early only when the context ends: the list is
	// complete only once a page with no next page was delivered above.
	err := ctx.Err()
	if err == nil {
		err = errors.New("the listing stopped before its last page")
	}
	return st, fail(st.Requests+1, fmt.Errorf("cancelled before this page was read: %w", err))
}

// getOne reads the one object at path, with the error handling of a
// listing's page: Twilio's error, redacted, or a malformed body.
func getOne[T any](ctx context.Context, c *Client, path string) (*T, error) {
	ctx = c.logContext(ctx)
	body, err := c.get(ctx, c.endpoint(path, url.Values{}))
	if err == nil {
		c.logBody(ctx, body)
		var out *T
		if err = json.Unmarshal(body, &out, lenientUTF8); err != nil {
			err = c.redactMalformed(body, malformed(body, err))
		} else if out == nil {
			err = c.redactMalformed(body, malformed(body, errors.New("the response is null")))
		} else {
			return out, nil
		}
	}
	return nil, &PageError{Path: path, Err: c.redactErr(err)}
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

// Pages are {"<itemsKey>": [...], "meta": {...}}, decoded with the JSON v2
// implementation, which decodes a full page of conversations in less than
// half the time encoding/json takes and skips a value without decoding it.
// Invalid UTF-8 becomes U+FFFD, as with encoding/json; a name that appears
// twice in one object makes the page malformed.

// decodePage decodes a page's items and meta block. readMeta, which reads
// every page first, refuses a null item.
func decodePage[T, M any](body []byte, itemsKey string) ([]T, *M, error) {
	var items []T
	meta, err := readPage[M](body, itemsKey, []jsontext.Options{lenientUTF8}, func(dec *jsontext.Decoder) error {
		if err := json.UnmarshalDecode(dec, &items); err != nil {
			return &decodeError{itemsKey, err}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if items == nil {
		items = []T{}
	}
	return items, meta, nil
}

// readMeta decodes a page's meta block and counts its items without
// decoding them: it is what the fetcher needs to request the next page. An
// item that is null is no item at all: the page is malformed.
//
// It is on the path from one page's response to the next page's request,
// so it reads each item with ReadValue, which scans a value in one pass
// (SkipValue reads it token by token), and does not track the names of
// every object to refuse duplicates: that takes about 40% off its cost.
// decodePage, which the caller runs on every page before using it, still
// refuses duplicate names.
func readMeta[M any](body []byte, itemsKey string) (*M, int, error) {
	n := 0
	meta, err := readPage[M](body, itemsKey, []jsontext.Options{lenientUTF8, jsontext.AllowDuplicateNames(true)}, func(dec *jsontext.Decoder) error {
		if dec.PeekKind() == 'n' {
			// A null list holds no items, as decodePage reads it.
			_, err := dec.ReadToken()
			return err
		}
		if err := expectKind(dec, '['); err != nil {
			return &decodeError{itemsKey, err}
		}
		for ; dec.PeekKind() != ']'; n++ {
			if dec.PeekKind() == 'n' {
				return fmt.Errorf("item %d of %q is null", n, itemsKey)
			}
			if _, err := dec.ReadValue(); err != nil {
				return &decodeError{itemsKey, err}
			}
		}
		return expectKind(dec, ']')
	})
	if err != nil {
		return nil, 0, err
	}
	return meta, n, nil
}

// readPage reads the members of a page that decodePage and readMeta share:
// the items list, which items must consume, and the meta block; any other
// member is skipped. A page without either is malformed.
func readPage[M any](body []byte, itemsKey string, opts []jsontext.Options, items func(dec *jsontext.Decoder) error) (*M, error) {
	var meta *M
	haveItems := false
	err := members(body, opts, func(name string, dec *jsontext.Decoder) error {
		switch name {
		case itemsKey:
			haveItems = true
			return items(dec)
		case "meta":
			if err := json.UnmarshalDecode(dec, &meta); err != nil {
				return &decodeError{"meta", err}
			}
			return nil
		}
		return dec.SkipValue()
	})
	if err == nil {
		err = complete(haveItems, meta != nil, itemsKey)
	}
	if err != nil {
		return nil, malformed(body, err)
	}
	return meta, nil
}

// members hands each member of the JSON object body to fn, with the
// decoder positioned at its value, which fn must consume.
func members(body []byte, opts []jsontext.Options, fn func(name string, dec *jsontext.Decoder) error) error {
	dec := jsontext.NewDecoder(bytes.NewBuffer(body), opts...)
	if err := expectKind(dec, '{'); err != nil {
		return err
	}
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return err
		}
		if err := fn(tok.String(), dec); err != nil {
			return err
		}
	}
	if err := expectKind(dec, '}'); err != nil {
		return err
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return errors.New("unexpected data after the JSON object")
	}
	return nil
}

// complete refuses a page without its list or without meta: without meta,
// nobody can tell whether more pages follow, and a silently short result
// is worse than an error.
func complete(haveItems, haveMeta bool, itemsKey string) error {
	switch {
	case !haveItems:
		return fmt.Errorf("the response has no %q list", itemsKey)
	case !haveMeta:
		return errors.New("the response has no \"meta\" block, so it cannot tell whether more pages follow")
	}
	return nil
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

// malformed is a MalformedError that knows no secret to remove; the client
// makes it again with redactMalformed before it shows it.
func malformed(body []byte, err error) error {
	return newMalformed(body, err, nil)
}

// newMalformed is a MalformedError whose excerpt and decoding error are
// without r's secrets. The excerpt is made from a window of the body that
// reaches past what it can show by the longest form of a secret: a secret
// that starts in what is shown is redacted whole, one that the window cuts
// loses its start (see redactor.redactStart).
func newMalformed(body []byte, err error, r *redactor) *MalformedError {
	n := min(len(body), 2*maxRawMessage+r.longest())
	return &MalformedError{Err: r.jsonError(err), Excerpt: readableExcerpt(body[:n], n < len(body), r)}
}

// redactMalformed is err, when it is the MalformedError of body, made again
// without this client's secrets; any other err as it is.
func (c *Client) redactMalformed(body []byte, err error) error {
	if me, ok := err.(*MalformedError); ok {
		return newMalformed(body, me.Err, c.redactor)
	}
	return err
}

// decodeError says which member of a page did not decode. Unlike an error
// of fmt.Errorf, it keeps err as a value until it is shown, so that
// redactor.jsonError can remove secrets from what err quotes.
type decodeError struct {
	member string
	err    error
}

func (e *decodeError) Error() string { return fmt.Sprintf("decoding %q: %v", e.member, e.err) }
func (e *decodeError) Unwrap() error { return e.err }

// jsonError is err, an error of the JSON decoder, with r's secrets removed
// from the object names and the value it quotes from the body. The
// decoder shortens a long JSON Pointer by cutting out its middle when it
// formats the error: the names are redacted before that cut.
func (r *redactor) jsonError(err error) error {
	if r == nil {
		return err
	}
	switch e := err.(type) {
	case *decodeError:
		return &decodeError{e.member, r.jsonError(e.err)}
	case *jsontext.SyntacticError:
		cp := *e
		cp.JSONPointer = r.pointer(e.JSONPointer)
		cp.Err = r.jsonError(e.Err)
		return &cp
	case *json.SemanticError:
		cp := *e
		cp.JSONPointer = r.pointer(e.JSONPointer)
		if len(e.JSONValue) > 0 {
			cp.JSONValue = jsontext.Value(r.redact(string(e.JSONValue)))
		}
		cp.Err = r.jsonError(e.Err)
		return &cp
	}
	return err
}

// pointer is p with r's secrets removed from each of its names.
func (r *redactor) pointer(p jsontext.Pointer) jsontext.Pointer {
	var out jsontext.Pointer
	for name := range p.Tokens() {
		out = out.AppendToken(r.redact(name))
	}
	return out
}
