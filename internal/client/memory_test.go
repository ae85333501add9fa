package client

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hugePages serves pages of conversations whose names are huge strings,
// written as they are sent, so that the server holds none of them: the
// heap measured is the client's. transfer is "length" (a Content-Length,
// as the emulator sends), "chunked" (none) or "gzip" (compressed, which
// Go's transport undoes, so the length is unknown, as with Twilio).
// escaped strings hold a JSON escape every 64 bytes, which the decoder
// must undo.
type hugePages struct {
	pages, perPage, size int
	transfer             string
	escaped              bool
}

// Chunks of 64 KiB that the huge strings are made of, written as they are:
// the server allocates nothing per string.
var (
	plainChunk   = []byte(strings.Repeat(strings.Repeat("x", 64), 1<<10))
	escapedChunk = []byte(strings.Repeat(strings.Repeat("x", 62)+`\n`, 1<<10))
)

func (h hugePages) chunk() []byte {
	if h.escaped {
		return escapedChunk
	}
	return plainChunk
}

// segments are the page's text: strings, and ints that stand for a huge
// string of that many bytes.
func (h hugePages) segments(page int) []any {
	segs := []any{`{"conversations":[`}
	for i := range h.perPage {
		if i > 0 {
			segs = append(segs, ",")
		}
		segs = append(segs, fmt.Sprintf(`{"id":"c%d_%d","name":"`, page, i), h.size, `"}`)
	}
	next := "null"
	if page < h.pages {
		next = fmt.Sprintf(`"t%d"`, page+1)
	}
	return append(segs, `],"meta":{"nextToken":`+next+`}}`)
}

func (h hugePages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	page := 1
	if t := r.URL.Query().Get("pageToken"); t != "" {
		page, _ = strconv.Atoi(strings.TrimPrefix(t, "t"))
	}
	segs := h.segments(page)
	var out io.Writer = w
	switch h.transfer {
	case "length":
		n := 0
		for _, s := range segs {
			switch s := s.(type) {
			case string:
				n += len(s)
			case int:
				n += s
			}
		}
		w.Header().Set("Content-Length", strconv.Itoa(n))
	case "gzip":
		w.Header().Set("Content-Encoding", "gzip")
		zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
		defer zw.Close()
		out = zw
	}
	chunk := h.chunk()
	for _, s := range segs {
		switch s := s.(type) {
		case string:
			io.WriteString(out, s)
		case int:
			for ; s > 0; s -= len(chunk) {
				out.Write(chunk[:min(s, len(chunk))])
			}
		}
	}
}

// heapPeak runs fn and returns by how much the heap's objects grew, at
// most, over what they were before: the heap is sampled every 100µs with
// runtime/metrics, which does not stop the world.
func heapPeak(fn func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	runtime.GC()
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		peak := uint64(0)
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	return max(<-done, base) - base
}

// BenchmarkListHugeStrings lists eight 10 MB strings over two pages and
// reports the heap's peak growth (MiB), at GOGC=100 (what a plan gets) and
// at GOGC=10, where garbage is collected soon enough that the peak is
// close to what was live at once. "drop" hands the items to a callback
// that keeps nothing (the client's own share); "keep" keeps every item to
// the end, as a state does.
//
//	go test -run '^$' -bench ListHugeStrings -benchtime 3x ./internal/client
func BenchmarkListHugeStrings(b *testing.B) {
	const pages, perPage, size = 2, 4, 10 << 20
	for _, transfer := range []string{"length", "chunked", "gzip"} {
		for _, escaped := range []bool{false, true} {
			for _, keep := range []bool{false, true} {
				for _, gogc := range []int{100, 10} {
					name := fmt.Sprintf("%s/escaped=%v/keep=%v/gogc=%d", transfer, escaped, keep, gogc)
					b.Run(name, func(b *testing.B) {
						srv := httptest.NewServer(hugePages{pages, perPage, size, transfer, escaped})
						defer srv.Close()
						c, err := New(Config{Username: testUser, Password: testPass, BaseURL: srv.URL})
						if err != nil {
							b.Fatal(err)
						}
						defer debug.SetGCPercent(debug.SetGCPercent(gogc))
						var worst uint64
						for b.Loop() {
							var kept [][]Conversation
							got := 0
							peak := heapPeak(func() {
								_, err := c.ListConversations(context.Background(), ConversationFilter{}, ListOptions{}, func(page []Conversation) error {
									want := size
									if escaped {
										want -= size / 64 // `\n` is one byte
									}
									for _, it := range page {
										if it.Name == nil || len(*it.Name) != want {
											return fmt.Errorf("item %s: the name is not %d bytes", deref(it.ID), want)
										}
									}
									got += len(page)
									if keep {
										kept = append(kept, page)
									}
									return nil
								})
								if err != nil {
									b.Fatal(err)
								}
							})
							if got != pages*perPage {
								b.Fatalf("%d items", got)
							}
							runtime.KeepAlive(kept)
							worst = max(worst, peak)
						}
						b.ReportMetric(float64(worst)/(1<<20), "peak-MiB")
						b.ReportMetric(float64(worst)/float64(pages*perPage*size), "peak/data")
					})
				}
			}
		}
	}
}

// onlyReader hides every method of its reader but Read.
type onlyReader struct{ io.Reader }

// A body of unknown length (chunked, or gzipped, which is how Twilio's
// pages come) is returned in a slice of its size, and reading it holds
// little more than twice the body at any time, at the end, when the
// pieces are joined. A buffer that doubled as it filled held a slice of
// 64 MiB for a body of 40 MiB, and up to 112 MiB while growing.
func TestReadBoundedHoldsTheBodyOnce(t *testing.T) {
	const size = 40 << 20
	body := strings.Repeat("x", size)
	for _, length := range []int64{size, -1} {
		var b []byte
		var err error
		peak := heapPeak(func() { b, err = readBounded(onlyReader{strings.NewReader(body)}, length, MaxBodyBytes) })
		if err != nil || len(b) != size || string(b) != body {
			t.Fatalf("length %d: %d bytes, %v", length, len(b), err)
		}
		if cap(b) > size+1 {
			t.Errorf("length %d: the body is held in %d bytes, for %d", length, cap(b), size)
		}
		if limit := uint64(size)*2 + 2*readPiece; peak > limit {
			t.Errorf("length %d: reading held up to %d MiB, for a body of %d MiB", length, peak>>20, size>>20)
		}
	}
}

// A Content-Length that is wrong either way reads the body as it is, and
// the limit holds whatever the Content-Length said; pieces of any number
// and boundary join into the body.
func TestReadBoundedLengthsAndPieces(t *testing.T) {
	const limit = 3 << 20
	for _, tc := range []struct {
		size, length int64
		ok           bool
	}{
		{100, 10, true}, {10, 100, true}, {0, 0, true}, {0, -1, true},
		{minReadPiece, -1, true}, {minReadPiece + 1, -1, true}, {readPiece, -1, true}, {2*readPiece + 7, -1, true},
		{limit, -1, true}, {limit, 5, true}, {limit + 1, -1, false}, {limit + 1, 5, false},
	} {
		body := make([]byte, tc.size)
		for i := range body {
			body[i] = byte(i * 7)
		}
		b, err := readBounded(onlyReader{bytes.NewReader(body)}, tc.length, limit)
		var tooLarge *tooLargeError
		switch {
		case tc.ok && (err != nil || !bytes.Equal(b, body)):
			t.Errorf("size %d, length %d: %d bytes, %v", tc.size, tc.length, len(b), err)
		case !tc.ok && !errors.As(err, &tooLarge):
			t.Errorf("size %d, length %d: %v, want the body refused as too large", tc.size, tc.length, err)
		case tc.ok && tc.length < 0 && int64(cap(b)) > max((tc.size+8191)/8192*8192, minReadPiece):
			// Large objects take whole pages of 8 KiB.
			t.Errorf("size %d: held in %d bytes", tc.size, cap(b))
		}
	}
}

// While the callback works on a page, the client holds the page's items,
// not its body as well: the items hold copies of what they need.
func TestPageBodyIsLetGoBeforeTheCallback(t *testing.T) {
	const perPage, size = 4, 4 << 20
	for _, transfer := range []string{"length", "gzip"} {
		srv := httptest.NewServer(hugePages{1, perPage, size, transfer, false})
		c := newTestClient(t, srv.URL)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		runtime.GC()
		metrics.Read(sample)
		base := sample[0].Value.Uint64()
		var live uint64
		_, err := c.ListConversations(context.Background(), ConversationFilter{}, ListOptions{}, func(page []Conversation) error {
			runtime.GC()
			metrics.Read(sample)
			live = sample[0].Value.Uint64() - min(base, sample[0].Value.Uint64())
			runtime.KeepAlive(page)
			return nil
		})
		srv.Close()
		if err != nil {
			t.Fatal(err)
		}
		// The items are perPage*size; the body would be as much again.
		if items := uint64(perPage * size); live > items+items/2 {
			t.Errorf("%s: %d MiB live while the callback ran, for %d MiB of items", transfer, live>>20, items>>20)
		}
	}
}
