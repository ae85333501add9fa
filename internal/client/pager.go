package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"time"

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
	ctx = c.logContext(ctx)
	pageSize := effectivePageSize(opts, maxPageSize)
	seen := map[string]bool{}
	token := ""
	var st Stats
	for page := 1; ; page++ {
		q := cloneValues(query)
		q.Set("pageSize", strconv.Itoa(pageSize))
		if token != "" {
			q.Set("pageToken", token)
		}
		u := c.endpoint(path, q)
		items, meta, err := fetchPage[T, v2Meta](ctx, c, u, itemsKey)
		st.Requests++
		if err != nil {
			return st, &PageError{Page: page, Path: path, Err: err}
		}
		done, err := deliver(ctx, &st, opts, page, items, fn)
		if err != nil || done {
			return st, err
		}
		if meta.NextToken == nil || *meta.NextToken == "" {
			return st, nil
		}
		if seen[*meta.NextToken] {
			return st, &PageError{Page: page, Path: path, Err: fmt.Errorf("Twilio returned page token %q a second time; stopping rather than looping, as the list would never end", *meta.NextToken)}
		}
		seen[*meta.NextToken] = true
		token = *meta.NextToken
	}
}

// listV1 reads a /v1 list by following meta.next_page_url until it is null
// or empty. Only the path and query of that URL are used, on the configured
// host, so credentials never go to a host named in a response body.
func listV1[T any](ctx context.Context, c *Client, path, itemsKey string, query url.Values, opts ListOptions, maxPageSize int, fn pageFunc[T]) (Stats, error) {
	ctx = c.logContext(ctx)
	q := cloneValues(query)
	q.Set("PageSize", strconv.Itoa(effectivePageSize(opts, maxPageSize)))
	u := c.endpoint(path, q)
	seen := map[string]bool{}
	var st Stats
	for page := 1; ; page++ {
		items, meta, err := fetchPage[T, v1Meta](ctx, c, u, itemsKey)
		st.Requests++
		if err != nil {
			return st, &PageError{Page: page, Path: path, Err: err}
		}
		done, err := deliver(ctx, &st, opts, page, items, fn)
		if err != nil || done {
			return st, err
		}
		if meta.NextPageURL == nil || *meta.NextPageURL == "" {
			return st, nil
		}
		next, err := url.Parse(*meta.NextPageURL)
		if err != nil {
			return st, &PageError{Page: page, Path: path, Err: fmt.Errorf("Twilio returned a next_page_url that is not a URL: %w", err)}
		}
		if next.Host != "" && next.Host != c.base.Host {
			tflog.SubsystemDebug(ctx, LogSubsystem, "next_page_url names another host; following its path on the configured host", map[string]interface{}{"next_host": next.Host})
		}
		u = &url.URL{Scheme: c.base.Scheme, Host: c.base.Host, Path: next.Path, RawPath: next.RawPath, RawQuery: next.RawQuery}
		key := u.String()
		if seen[key] {
			return st, &PageError{Page: page, Path: path, Err: fmt.Errorf("Twilio returned next_page_url %q a second time; stopping rather than looping, as the list would never end", u.RequestURI())}
		}
		seen[key] = true
	}
}

func effectivePageSize(opts ListOptions, max int) int {
	n := opts.PageSize
	if n <= 0 || n > max {
		n = max
	}
	// No point asking for more than will be kept.
	if opts.MaxItems > 0 && opts.MaxItems < n {
		n = opts.MaxItems
	}
	return n
}

// deliver hands a page to fn, cut to MaxItems, and says whether the listing
// is complete.
func deliver[T any](ctx context.Context, st *Stats, opts ListOptions, page int, items []T, fn pageFunc[T]) (bool, error) {
	done := false
	if opts.MaxItems > 0 && st.Items+len(items) >= opts.MaxItems {
		items = items[:opts.MaxItems-st.Items]
		done = true
	}
	st.Items += len(items)
	tflog.SubsystemDebug(ctx, LogSubsystem, "page read", map[string]interface{}{"page": page, "items": len(items), "total_items": st.Items})
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

// fetchPage gets one page and decodes its list and its meta block.
func fetchPage[T, M any](ctx context.Context, c *Client, u *url.URL, itemsKey string) ([]T, *M, error) {
	start := time.Now()
	body, err := c.get(ctx, u)
	if err != nil {
		return nil, nil, err
	}
	logBody(ctx, body)
	items, meta, err := decodePage[T, M](body, itemsKey)
	if err != nil {
		var me *MalformedError
		if errors.As(err, &me) {
			me.Excerpt = c.redact(&Error{Message: me.Excerpt}).Message
		}
		return nil, nil, err
	}
	tflog.SubsystemDebug(ctx, LogSubsystem, "page decoded", map[string]interface{}{"path": u.Path, "items": len(items), "duration_ms": time.Since(start).Milliseconds()})
	return items, meta, nil
}

// decodePage decodes {"<itemsKey>": [...], "meta": {...}}. A body without
// the list or without meta is refused: without meta, nobody can tell whether
// more pages follow, and a silently short result is worse than an error.
func decodePage[T, M any](body []byte, itemsKey string) ([]T, *M, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := expectDelim(dec, '{'); err != nil {
		return nil, nil, malformed(body, err)
	}
	var items []T
	var meta *M
	haveItems := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, malformed(body, err)
		}
		key, _ := tok.(string)
		switch key {
		case itemsKey:
			haveItems = true
			if err := dec.Decode(&items); err != nil {
				return nil, nil, malformed(body, fmt.Errorf("decoding %q: %w", itemsKey, err))
			}
		case "meta":
			if err := dec.Decode(&meta); err != nil {
				return nil, nil, malformed(body, fmt.Errorf("decoding \"meta\": %w", err))
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, nil, malformed(body, err)
			}
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, nil, malformed(body, err)
	}
	if _, err := dec.Token(); err != io.EOF {
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

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("expected %q, found %v", want, tok)
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
