package datasources

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"
	"golang.org/x/text/unicode/norm"
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
	// warnings are values that were stored, but not as Twilio sent them,
	// or that are not what Twilio's spec describes; the first
	// maxWarnings are kept, and warned counts them all.
	warnings []valueError
	warned   int
}

// maxWarnings bounds the warnings one read reports: an account of 100,000
// odd items needs a handful of examples, not 100,000 lines.
const maxWarnings = 10

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

func (w *stateWriter) float(name string, v *float64) {
	w.key(name)
	if v == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeFloat64(*v)
}

func (w *stateWriter) bool(name string, v *bool) {
	w.key(name)
	if v == nil {
		_ = w.enc.EncodeNil()
		return
	}
	_ = w.enc.EncodeBool(*v)
}

// time writes an RFC 3339 timestamp of item owner. Anything else cannot
// be held by a timetypes.RFC3339 attribute: it is an error naming the item
// and attribute.
func (w *stateWriter) time(name string, v *string, owner itemRef) {
	if v != nil {
		if err := checkRFC3339(*v); err != nil {
			w.fail("Unexpected timestamp from Twilio", fmt.Sprintf("%s of %s is %s, which is not an RFC 3339 timestamp: %v", name, owner, excerpt(*v), err))
			v = nil
		}
	}
	w.str(name, v)
}

// checkRFC3339 says why v is not an RFC 3339 timestamp, or nil. Go's
// parser also takes a comma before the fraction, which Terraform's
// timeadd() and formatdate() refuse.
func checkRFC3339(v string) error {
	if strings.IndexByte(v, ',') >= 0 {
		return errors.New("a comma before the fraction of a second is not RFC 3339")
	}
	_, err := time.Parse(time.RFC3339, v)
	return err
}

// maxJSONDepth is the deepest nesting of arrays and objects that JSON text
// may have: Terraform takes minutes to render a plan of a value nested a
// thousand levels deep, and no Twilio setting nests more than a few.
const maxJSONDepth = 64

// json writes the JSON value raw, a field of item owner, as text: as the
// API sent it, but for invalid UTF-8, which becomes U+FFFD as in every
// other string (Terraform would replace it, and plan a change forever);
// absent or JSON null is null.
func (w *stateWriter) json(name string, raw jsontext.Value, owner itemRef) {
	if len(raw) == 0 || string(raw) == "null" {
		w.str(name, nil)
		return
	}
	text := string(raw)
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	w.jsonText(name, &text, owner)
}

// jsonText writes a field of item owner that holds JSON text, as the API
// sent it. Any string is a value Twilio may send, but text that is not
// JSON, or nests deeper than maxJSONDepth, cannot be held by a
// jsontypes.Normalized attribute: it is stored as null, with a warning
// naming the item and attribute.
func (w *stateWriter) jsonText(name string, v *string, owner itemRef) {
	if v != nil {
		switch {
		case !json.Valid([]byte(*v)):
			w.warn("Twilio sent text that is not JSON", fmt.Sprintf("%s of %s is not JSON text, so it is stored as null: %s", name, owner, excerpt(*v)))
			v = nil
		case jsonDepth(*v) > maxJSONDepth:
			w.warn("Twilio sent JSON nested too deep", fmt.Sprintf("%s of %s nests arrays and objects %d levels deep; the provider stores at most %d, so it is stored as null.", name, owner, jsonDepth(*v), maxJSONDepth))
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

// strMap writes a map of strings of item owner, keys sorted so that equal
// maps give equal bytes; nil is null, and so is each nil element.
// Terraform holds strings in Unicode NFC: two keys that differ only in
// their normalisation would become one, so the first in sorted order is
// kept and the other is reported.
func (w *stateWriter) strMap(name string, m map[string]*string, owner itemRef) {
	w.key(name)
	if m == nil {
		_ = w.enc.EncodeNil()
		return
	}
	keys := w.nfcKeys(name, slices.Sorted(maps.Keys(m)), owner)
	_ = w.enc.EncodeMapLen(len(keys))
	for _, k := range keys {
		_ = w.enc.EncodeString(k)
		w.value(m[k])
	}
}

// rawMap writes an open map of strings of item owner, such as v1 links,
// from its JSON values: a string as its text, null as null, and any other
// value as its JSON text, with a warning.
func (w *stateWriter) rawMap(name string, m map[string]jsontext.Value, owner itemRef) {
	w.key(name)
	if m == nil {
		_ = w.enc.EncodeNil()
		return
	}
	keys := w.nfcKeys(name, slices.Sorted(maps.Keys(m)), owner)
	_ = w.enc.EncodeMapLen(len(keys))
	for _, k := range keys {
		_ = w.enc.EncodeString(k)
		switch v := m[k]; v.Kind() {
		case 'n', 0:
			w.null()
		case '"':
			s, err := jsontext.AppendUnquote(nil, v)
			if err != nil { // invalid UTF-8, which the decoder let through
				s = []byte(strings.ToValidUTF8(string(s), "\uFFFD"))
			}
			_ = w.enc.EncodeString(string(s))
		default:
			w.warn("Twilio sent a value that is not a string", fmt.Sprintf("%s[%q] of %s is %s, not a string; it is stored as that JSON text.", name, k, owner, excerpt(string(v))))
			_ = w.enc.EncodeString(strings.ToValidUTF8(string(v), "\uFFFD"))
		}
	}
}

// nfcKeys is the sorted keys of map attribute name without those that
// are the same as an earlier key in Unicode NFC, which Terraform would
// merge into one; each one left out is reported.
func (w *stateWriter) nfcKeys(name string, keys []string, owner itemRef) []string {
	var seen map[string]string
	for i := 0; i < len(keys); i++ {
		k := keys[i]
		if seen == nil {
			if isNFC(k) {
				continue
			}
			// A key that is not in NFC may collide: check them all.
			seen = make(map[string]string, len(keys))
			for _, earlier := range keys[:i] {
				seen[norm.NFC.String(earlier)] = earlier
			}
		}
		n := norm.NFC.String(k)
		if first, ok := seen[n]; ok {
			w.warn("Twilio sent keys that Terraform cannot tell apart", fmt.Sprintf("%s of %s has the keys %+q and %+q, which are the same text in Unicode NFC, the form Terraform keeps; only %+q is stored.", name, owner, first, k, first))
			keys = slices.Delete(keys, i, i+1)
			i--
			continue
		}
		seen[n] = k
	}
	return keys
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

// isNFC says whether s is in Unicode NFC, quickly for ASCII.
func isNFC(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFC.IsNormalString(s)
		}
	}
	return true
}

// fail records the first value that cannot be stored.
func (w *stateWriter) fail(summary, detail string) {
	if w.err == nil {
		w.err = &valueError{summary, detail}
	}
}

// warn records a value that was stored, but not as Twilio sent it.
func (w *stateWriter) warn(summary, detail string) {
	if w.warned++; len(w.warnings) < maxWarnings {
		w.warnings = append(w.warnings, valueError{summary, detail})
	}
}

// diagnostics are the writer's warnings, the last of them saying how many
// more there were.
func (w *stateWriter) diagnostics() diag.Diagnostics {
	var diags diag.Diagnostics
	for i, v := range w.warnings {
		detail := v.detail
		if i == len(w.warnings)-1 && w.warned > len(w.warnings) {
			detail += fmt.Sprintf("\n\n%d more values were stored with warnings like these; only the first %d are shown.", w.warned-len(w.warnings), len(w.warnings))
		}
		diags.AddWarning(v.summary, detail)
	}
	return diags
}
