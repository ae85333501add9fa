package contract

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// LoadSpec reads the spec file name from dir and checks that it is a valid
// OpenAPI document. The examples are not checked: v1's own include one
// that its schema refuses (a mixed-case enum value, on purpose).
func LoadSpec(dir, name string) (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromFile(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return doc, nil
}

// GetOperation is the GET operation of path, or nil.
func GetOperation(doc *openapi3.T, path string) *openapi3.Operation {
	if item := doc.Paths.Value(path); item != nil {
		return item.Get
	}
	return nil
}

// GetPaths are the paths that have a GET operation, sorted.
func GetPaths(doc *openapi3.T) []string {
	var out []string
	for path, item := range doc.Paths.Map() {
		if item.Get != nil {
			out = append(out, path)
		}
	}
	slices.Sort(out)
	return out
}

// Parameters are the parameters of the GET operation of path, its path's
// included, by name.
func Parameters(doc *openapi3.T, path string) map[string]*openapi3.Parameter {
	out := map[string]*openapi3.Parameter{}
	item := doc.Paths.Value(path)
	if item == nil || item.Get == nil {
		return out
	}
	for _, ps := range []openapi3.Parameters{item.Parameters, item.Get.Parameters} {
		for _, p := range ps {
			if p != nil && p.Value != nil {
				out[p.Value.Name] = p.Value
			}
		}
	}
	return out
}

// ItemSchema is the schema of one item that the GET operation of path
// returns: the items of its 200 response's one list property (key) for a
// list, which has a meta block, or the whole response for one object (key
// "").
func ItemSchema(doc *openapi3.T, path string) (item *openapi3.Schema, key string, err error) {
	op := GetOperation(doc, path)
	if op == nil {
		return nil, "", fmt.Errorf("the spec has no GET %s", path)
	}
	resp := op.Responses.Status(200)
	if resp == nil || resp.Value == nil || resp.Value.Content.Get("application/json") == nil {
		return nil, "", fmt.Errorf("GET %s has no JSON 200 response", path)
	}
	body := Resolve(resp.Value.Content.Get("application/json").Schema)
	if body == nil {
		return nil, "", fmt.Errorf("GET %s: its 200 response has no schema", path)
	}
	if body.Properties["meta"] == nil {
		return body, "", nil
	}
	var lists []string
	for name, p := range body.Properties {
		if s := Resolve(p); s != nil && s.Type.Is("array") {
			lists = append(lists, name)
		}
	}
	if len(lists) != 1 {
		return nil, "", fmt.Errorf("GET %s: the response has a meta block and %d lists (%v), not one", path, len(lists), lists)
	}
	return Resolve(Resolve(body.Properties[lists[0]]).Items), lists[0], nil
}

// Resolve is the schema of ref. An allOf is the one object its schemas
// make together: their properties, and ref's own.
func Resolve(ref *openapi3.SchemaRef) *openapi3.Schema {
	if ref == nil || ref.Value == nil {
		return nil
	}
	s := ref.Value
	if len(s.AllOf) == 0 {
		return s
	}
	if len(s.AllOf) == 1 && s.Type.IsEmpty() && len(s.Properties) == 0 {
		return Resolve(s.AllOf[0])
	}
	merged := *s
	merged.AllOf = nil
	merged.Properties = openapi3.Schemas{}
	for _, part := range s.AllOf {
		p := Resolve(part)
		if p == nil {
			continue
		}
		if merged.Type.IsEmpty() && !p.Type.IsEmpty() {
			t := p.Type.Clone()
			merged.Type = &t
		}
		for name, ps := range p.Properties {
			merged.Properties[name] = ps
		}
		merged.Required = append(merged.Required, p.Required...)
	}
	for name, ps := range s.Properties {
		merged.Properties[name] = ps
	}
	return &merged
}

// Union is, for a oneOf or anyOf, an object with the properties of every
// one of its schemas (the first one's, where several have a property),
// as a data source that maps one such value onto one object sees it; nil
// for any other schema.
func Union(s *openapi3.Schema) *openapi3.Schema {
	variants := append(slices.Clone(s.OneOf), s.AnyOf...)
	if len(variants) == 0 {
		return nil
	}
	u := openapi3.NewObjectSchema()
	for _, v := range variants {
		vs := Resolve(v)
		if vs == nil {
			continue
		}
		for name, ps := range vs.Properties {
			if _, ok := u.Properties[name]; !ok {
				u.Properties[name] = ps
			}
		}
	}
	return u
}

// Property is one property of an item, nested ones included.
type Property struct {
	// Path is where it is in the item, in the spec's names; "[]" stands
	// for the elements of a list.
	Path   []string
	Schema *openapi3.Schema
}

// Name is the property's path as text, such as "participants[].addresses[].channel".
func (p Property) Name() string { return strings.ReplaceAll(strings.Join(p.Path, "."), ".[]", "[]") }

// Properties lists the properties of an item schema, nested ones
// included, in a stable order: those of objects with named properties, in
// lists or not, and those of every schema of a oneOf or anyOf. A map
// (additionalProperties) or a value of no type ends a path: its keys are
// data, not properties.
func Properties(s *openapi3.Schema) []Property {
	var out []Property
	var walk func(prefix []string, s *openapi3.Schema, depth int)
	walk = func(prefix []string, s *openapi3.Schema, depth int) {
		if s == nil || depth > 12 {
			return
		}
		for s.Type.Is("array") {
			prefix = append(slices.Clone(prefix), "[]")
			if s = Resolve(s.Items); s == nil {
				return
			}
		}
		if u := Union(s); u != nil {
			s = u
		}
		names := make([]string, 0, len(s.Properties))
		for name := range s.Properties {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			ps := Resolve(s.Properties[name])
			path := append(slices.Clone(prefix), name)
			out = append(out, Property{Path: path, Schema: ps})
			walk(path, ps, depth+1)
		}
	}
	walk(nil, s, 0)
	return out
}

// Describe is a short description of a schema's type and constraints, such
// as "integer 1..1000" or "string date-time, nullable", for messages.
func Describe(s *openapi3.Schema) string {
	if s == nil {
		return "no schema"
	}
	var parts []string
	switch {
	case len(s.OneOf) > 0 || len(s.AnyOf) > 0:
		var titles []string
		for _, v := range append(slices.Clone(s.OneOf), s.AnyOf...) {
			if vs := Resolve(v); vs != nil && vs.Title != "" {
				titles = append(titles, vs.Title)
			}
		}
		parts = append(parts, fmt.Sprintf("one of %d schemas", len(s.OneOf)+len(s.AnyOf)))
		if len(titles) > 0 {
			parts[len(parts)-1] += " (" + strings.Join(titles, ", ") + ")"
		}
	case s.Type == nil || s.Type.IsEmpty():
		parts = append(parts, "any JSON value")
	case s.Type.Is("array"):
		parts = append(parts, "list of "+Describe(Resolve(s.Items)))
	case s.Type.Is("object") && s.AdditionalProperties.Schema != nil:
		parts = append(parts, "map of "+Describe(Resolve(s.AdditionalProperties.Schema)))
	default:
		parts = append(parts, strings.Join(s.Type.Slice(), "|"))
	}
	if s.Format != "" {
		parts = append(parts, s.Format)
	}
	if len(s.Enum) > 0 {
		vs := make([]string, len(s.Enum))
		for i, v := range s.Enum {
			vs[i] = fmt.Sprint(v)
		}
		parts = append(parts, "one of "+strings.Join(vs, ", "))
	}
	if s.Min != nil || s.Max != nil {
		parts = append(parts, bound(s.Min)+".."+bound(s.Max))
	}
	if s.MinLength > 0 || s.MaxLength != nil {
		lo, hi := strconv.FormatUint(s.MinLength, 10), ""
		if s.MaxLength != nil {
			hi = strconv.FormatUint(*s.MaxLength, 10)
		}
		parts = append(parts, "length "+lo+".."+hi)
	}
	if s.Pattern != "" {
		parts = append(parts, "pattern "+s.Pattern)
	}
	if s.MaxItems != nil {
		parts = append(parts, "at most "+strconv.FormatUint(*s.MaxItems, 10))
	}
	out := strings.Join(parts, " ")
	if s.Nullable {
		out += ", nullable"
	}
	return out
}

func bound(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'g', -1, 64)
}

// SnakeCase is an API name as an attribute name: accountId becomes
// account_id, ChatServiceSid chat_service_sid, conversationsV1Bridge
// conversations_v1_bridge; snake_case names stay as they are.
func SnakeCase(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Diff describes, one line each, what changed from old to updated: GET paths
// added or removed, and for each GET path that readers names (the data
// sources that read it), its parameters and item properties added,
// removed or changed in type, format, nullability, enum, range, length or
// pattern.
func Diff(old, updated *openapi3.T, readers map[string][]string) []string {
	var out []string
	oldPaths, newPaths := GetPaths(old), GetPaths(updated)
	for _, p := range newPaths {
		if !slices.Contains(oldPaths, p) {
			out = append(out, "GET path added: "+p)
		}
	}
	for _, p := range oldPaths {
		if !slices.Contains(newPaths, p) {
			line := "GET path removed: " + p
			if ds := readers[p]; len(ds) > 0 {
				line += " (read by " + strings.Join(ds, ", ") + ")"
			}
			out = append(out, line)
		}
	}
	paths := make([]string, 0, len(readers))
	for p := range readers {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		if GetOperation(old, p) == nil || GetOperation(updated, p) == nil {
			continue
		}
		var lines []string
		lines = append(lines, diffMaps("parameter", describeParameters(old, p), describeParameters(updated, p))...)
		oldItems, newItems := describeItems(old, p), describeItems(updated, p)
		lines = append(lines, diffMaps("item property", oldItems, newItems)...)
		if len(lines) > 0 {
			out = append(out, fmt.Sprintf("GET %s (%s):", p, strings.Join(readers[p], ", ")))
			for _, l := range lines {
				out = append(out, "  "+l)
			}
		}
	}
	return out
}

func describeParameters(doc *openapi3.T, path string) map[string]string {
	out := map[string]string{}
	for name, p := range Parameters(doc, path) {
		out[name] = p.In + ", " + Describe(Resolve(p.Schema))
	}
	return out
}

func describeItems(doc *openapi3.T, path string) map[string]string {
	out := map[string]string{}
	item, key, err := ItemSchema(doc, path)
	if err != nil {
		out["(the response)"] = err.Error()
		return out
	}
	prefix := ""
	if key != "" {
		prefix = key + "[]."
	}
	for _, p := range Properties(item) {
		out[prefix+p.Name()] = Describe(p.Schema)
	}
	return out
}

// diffMaps lists the names added to, removed from or changed between two
// descriptions by name.
func diffMaps(what string, old, updated map[string]string) []string {
	var names []string
	for n := range old {
		names = append(names, n)
	}
	for n := range updated {
		if _, ok := old[n]; !ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var out []string
	for _, n := range names {
		o, inOld := old[n]
		w, inNew := updated[n]
		switch {
		case !inOld:
			out = append(out, fmt.Sprintf("%s added: %s (%s)", what, n, w))
		case !inNew:
			out = append(out, fmt.Sprintf("%s removed: %s (was %s)", what, n, o))
		case o != w:
			out = append(out, fmt.Sprintf("%s changed: %s: %s → %s", what, n, o, w))
		}
	}
	return out
}
