package datasources

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"
)

// stateWriter encodes values into a state. Mapping an item cannot fail
// halfway through its bytes: a value that cannot be stored (a timestamp
// that is not RFC 3339) is written as null and recorded in err, and the
// read stops after the page.
//
// Each page is written into buf and then cut off into a chunk of its own
// size; join copies the chunks into the state once, at the end. Memory so
// peaks at twice the state, where one growing buffer would peak at three
// times (the old and the new buffer while it doubles).
type stateWriter struct {
	buf    bytes.Buffer
	chunks [][]byte
	enc    *msgpack.Encoder
	err    *valueError
}

// valueError is a value from Twilio that the state cannot hold.
type valueError struct{ summary, detail string }

func newStateWriter() *stateWriter {
	w := &stateWriter{}
	w.enc = msgpack.NewEncoder(&w.buf)
	return w
}

// cut moves what was written since the last cut into a chunk.
func (w *stateWriter) cut() {
	w.chunks = append(w.chunks, bytes.Clone(w.buf.Bytes()))
	w.buf.Reset()
}

// join is everything written, in one slice.
func (w *stateWriter) join() []byte {
	w.cut()
	n := 0
	for _, c := range w.chunks {
		n += len(c)
	}
	out := make([]byte, 0, n)
	for _, c := range w.chunks {
		out = append(out, c...)
	}
	w.chunks = nil
	return out
}

// Writing to a bytes.Buffer cannot fail, so the encoder's errors are not
// checked; a buffer too large for memory panics in bytes.Buffer itself.

// object starts an object of n attributes; its attributes follow, each
// written by one of the methods below, in the order of their names.
func (w *stateWriter) object(n int) { _ = w.enc.EncodeMapLen(n) }

func (w *stateWriter) key(name string) { _ = w.enc.EncodeString(name) }

// str writes a string attribute; nil is null.
func (w *stateWriter) str(name string, v *string) {
	w.key(name)
	w.value(v)
}

// strValue writes a string attribute that is never null.
func (w *stateWriter) strValue(name, v string) {
	w.key(name)
	_ = w.enc.EncodeString(v)
}

func (w *stateWriter) int(name string, v *int64) {
	w.key(name)
	if v == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeInt(*v)
}

func (w *stateWriter) bool(name string, v *bool) {
	w.key(name)
	if v == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeBool(*v)
}

// time writes an RFC 3339 timestamp of the item kind id. Anything else
// cannot be held by a timetypes.RFC3339 attribute: it is an error naming
// the item and attribute.
func (w *stateWriter) time(name string, v *string, kind, id string) {
	if v != nil {
		if _, err := time.Parse(time.RFC3339, *v); err != nil {
			w.fail("Unexpected timestamp from Twilio", fmt.Sprintf("%s of %s %q is %q, which is not an RFC 3339 timestamp: %v", name, kind, id, *v, err))
			v = nil
		}
	}
	w.str(name, v)
}

// maxJSONDepth is the deepest nesting of arrays and objects that JSON text
// may have: Terraform takes minutes to render a plan of a value nested a
// thousand levels deep, and no Twilio setting nests more than a few.
const maxJSONDepth = 64

// json writes the JSON value raw, a field of the item kind id, as text:
// as the API sent it; absent or JSON null is null.
func (w *stateWriter) json(name string, raw jsontext.Value, kind, id string) {
	if len(raw) == 0 || string(raw) == "null" {
		w.str(name, nil)
		return
	}
	text := string(raw)
	w.jsonText(name, &text, kind, id)
}

// jsonText writes a field of the item kind id that holds JSON text, as
// the API sent it. Text that is not JSON, or nests deeper than
// maxJSONDepth, cannot be stored in a jsontypes.Normalized attribute: it
// is an error naming the item and attribute.
func (w *stateWriter) jsonText(name string, v *string, kind, id string) {
	if v != nil {
		switch {
		case !json.Valid([]byte(*v)):
			w.fail("Unexpected JSON from Twilio", fmt.Sprintf("%s of %s %q is not JSON text: %s", name, kind, id, excerpt(*v)))
			v = nil
		case jsonDepth(*v) > maxJSONDepth:
			w.fail("Unexpected JSON from Twilio", fmt.Sprintf("%s of %s %q nests arrays and objects %d levels deep; the provider stores at most %d.", name, kind, id, jsonDepth(*v), maxJSONDepth))
			v = nil
		}
	}
	w.str(name, v)
}

// jsonDepth is how deep valid JSON text nests arrays and objects.
func jsonDepth(text string) int {
	depth, deepest, inString, escaped := 0, 0, false, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// excerpt is the start of s, for a message.
func excerpt(s string) string {
	if len(s) > 60 {
		return strconv.Quote(s[:60]) + "…"
	}
	return strconv.Quote(s)
}

// null writes a null value, such as a null element of a list.
func (w *stateWriter) null() { _ = w.enc.EncodeNil() }

// strList writes a list of strings; nil is null, empty is empty, and so
// is each element.
func (w *stateWriter) strList(name string, vs []*string) {
	if w.list(name, len(vs), vs == nil) {
		for _, v := range vs {
			w.value(v)
		}
	}
}

// value writes a string value; nil is null.
func (w *stateWriter) value(v *string) {
	if v == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeString(*v)
}

// intMap writes a map of numbers as its value, keys sorted.
func (w *stateWriter) intMap(m map[string]int64) {
	_ = w.enc.EncodeMapLen(len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		_ = w.enc.EncodeString(k)
		_ = w.enc.EncodeInt(m[k])
	}
}

// strMap writes a map of strings, keys sorted so that equal maps give
// equal bytes; nil is null, and so is each nil element.
func (w *stateWriter) strMap(name string, m map[string]*string) {
	w.key(name)
	if m == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeMapLen(len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		_ = w.enc.EncodeString(k)
		w.value(m[k])
	}
}

// nested starts nested object attribute name of n attributes, and says
// whether to write them: an absent object is null.
func (w *stateWriter) nested(name string, present bool, n int) bool {
	w.key(name)
	if !present {
		_ = w.enc.EncodeNil()
		return false
	}
	w.object(n)
	return true
}

// list starts list attribute name of n elements, and says whether to
// write them: a nil list is null.
func (w *stateWriter) list(name string, n int, isNil bool) bool {
	w.key(name)
	if isNil {
		_ = w.enc.EncodeNil()
		return false
	}
	_ = w.enc.EncodeArrayLen(n)
	return true
}

// raw writes attribute name of type t with value v, as tftypes encodes it:
// the inputs of a read are stored exactly as configured.
func (w *stateWriter) raw(name string, t tftypes.Type, v tftypes.Value) error {
	b, err := v.MarshalMsgPack(t) //nolint:staticcheck // the documented way to encode a DynamicValue
	if err != nil {
		return fmt.Errorf("encoding %s: %w", name, err)
	}
	w.key(name)
	w.buf.Write(b)
	return nil
}

// fail records the first value that cannot be stored.
func (w *stateWriter) fail(summary, detail string) {
	if w.err == nil {
		w.err = &valueError{summary, detail}
	}
}
