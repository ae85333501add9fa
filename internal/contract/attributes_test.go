package contract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Every property of the items an endpoint returns, nested ones included,
// is an attribute of its data source, named as the property in snake_case,
// or is in Excluded; and the attribute's kind is the one the property's
// type calls for:
//
//	spec property                                     attribute
//	string                                            string
//	string, format date-time                          string of timetypes.RFC3339
//	string named attributes or …_attributes (v1)      string of jsontypes.Normalized: JSON text
//	string with an enum                               string: values Twilio adds pass through
//	integer                                           int64 (or number)
//	number                                            float64 or number
//	boolean                                           bool
//	array                                             list of the items' kind (never a set)
//	array of values of no type (v1 message media)     that, or JSON text of the whole list
//	object with properties                            object with those attributes, checked alike
//	object, format uri-map (v1 links)                 map of strings: Twilio adds links over time
//	object whose additionalProperties is a schema,    map of that schema's kind, or JSON text
//	  with no properties                                (a map of objects, such as channelSettings)
//	object of any other properties (free-form)        JSON text
//	no type at all (v1 timers, messaging binding)     JSON text, a map, or an object whose
//	                                                    attributes the spec cannot check
//	allOf (v2 recipients)                             as the one object its schemas make
//	oneOf or anyOf (v2 communication content)         JSON text, or an object with the
//	                                                    properties of every schema, checked alike
//
// Nullability is not compared: every attribute of an item is computed and
// may be null. An item attribute (computed) that no property matches fails
// too, unless NotInSpec lists it.
func TestEveryPropertyIsAnAttribute(t *testing.T) {
	specs := loadSpecs(t)
	schemas := dataSources(t)
	used := map[Exclusion]bool{}
	usedUnspecified := map[Unspecified]bool{}
	for _, ep := range Endpoints {
		t.Run(ep.DataSource, func(t *testing.T) {
			s, ok := schemas[ep.DataSource]
			if !ok {
				t.Fatalf("the provider has no data source %s", ep.DataSource)
			}
			r := checkEndpoint(specs[ep.Spec].doc, ep, s, Excluded, NotInSpec)
			for _, p := range r.problems {
				t.Error(p)
			}
			for e := range r.excluded {
				used[e] = true
			}
			for u := range r.unspecified {
				usedUnspecified[u] = true
			}
		})
	}
	for _, e := range Excluded {
		if !used[e] {
			t.Errorf("Excluded names %s of %s, which no item of its endpoints has, or which is an attribute: remove it", e.Property, e.DataSource)
		}
	}
	for _, u := range NotInSpec {
		if !usedUnspecified[u] {
			t.Errorf("NotInSpec names %s of GET %s, which the spec now has or no data source reads: remove it", u.Property, u.Path)
		}
	}
}

// Every data source of the provider has a row in Endpoints.
func TestEveryDataSourceHasARow(t *testing.T) {
	rows := map[string]bool{}
	for _, ep := range Endpoints {
		if rows[ep.DataSource] {
			t.Errorf("two rows for %s", ep.DataSource)
		}
		rows[ep.DataSource] = true
	}
	for name := range dataSources(t) {
		if !rows[name] {
			t.Errorf("%s has no row in contract.Endpoints: add one, with the spec, the paths it reads and where its items are", name)
		}
	}
}

// report is what checking one data source found.
type report struct {
	problems []string
	// unmatched are the attributes that no property of a path's items
	// matches, with those paths: an attribute fails only when it matches
	// a property of none of the row's paths (a service's items may have a
	// property that the default service's lack).
	unmatched   map[string][]string
	excluded    map[Exclusion]bool   // the exclusions that applied
	unspecified map[Unspecified]bool // the NotInSpec entries that applied
}

// checkEndpoint checks the attributes of data source ep, of schema s,
// against the items of every path it reads in doc, given the exclusions.
func checkEndpoint(doc *openapi3.T, ep Endpoint, s schema.Schema, excluded []Exclusion, notInSpec []Unspecified) report {
	r := report{excluded: map[Exclusion]bool{}, unspecified: map[Unspecified]bool{}, unmatched: map[string][]string{}}
	attrs := map[string]attr.Type{}
	inputs := map[string]bool{} // attributes that are only inputs
	for name, a := range s.Attributes {
		attrs[name] = a.GetType()
		inputs[name] = !a.IsComputed()
	}
	prefix := ""
	if ep.List != "" {
		a, ok := s.Attributes[ep.List]
		if !ok {
			r.problems = append(r.problems, fmt.Sprintf("%s has no attribute %s, where its row says the items are", ep.DataSource, ep.List))
			return r
		}
		lt, ok := a.GetType().(types.ListType)
		ot, ok2 := lt.ElemType.(types.ObjectType)
		if !ok || !ok2 {
			r.problems = append(r.problems, fmt.Sprintf("%s: %s is a %s, not a list of objects", ep.DataSource, ep.List, kindOf(a.GetType())))
			return r
		}
		attrs, inputs, prefix = ot.AttrTypes, nil, ep.List+"[]."
	}
	for _, path := range ep.Paths {
		item, key, err := ItemSchema(doc, path)
		if err != nil {
			r.problems = append(r.problems, err.Error())
			continue
		}
		c := &checker{ep: ep, op: "GET " + path, path: path, r: &r, excluded: excluded, notInSpec: notInSpec, specPrefix: "", attrPrefix: prefix}
		if key != "" {
			c.specPrefix = key + "[]."
		}
		c.object(nil, item, attrs, inputs)
	}
	for name, paths := range r.unmatched {
		if len(paths) == len(ep.Paths) {
			r.problems = append(r.problems, fmt.Sprintf("GET %s: attribute %s of %s is no property of the items: remove it, or add it to contract.NotInSpec with the reason",
				strings.Join(paths, ", GET "), name, ep.DataSource))
		}
	}
	slices.Sort(r.problems)
	r.problems = slices.Compact(r.problems)
	return r
}

type checker struct {
	ep                     Endpoint
	op, path               string
	r                      *report
	excluded               []Exclusion
	notInSpec              []Unspecified
	specPrefix, attrPrefix string // the list's key and attribute, for messages
}

func (c *checker) problem(format string, args ...any) {
	c.r.problems = append(c.r.problems, c.op+": "+fmt.Sprintf(format, args...))
}

// names are a property's path in the spec's names and in attribute names,
// for messages, and its key for Excluded and NotInSpec.
func (c *checker) names(path []string) (spec, attribute, key string) {
	var sp, ap, k []string
	for _, p := range path {
		if p == "[]" {
			if len(sp) > 0 {
				sp[len(sp)-1] += "[]"
				ap[len(ap)-1] += "[]"
			}
			continue
		}
		sp, ap, k = append(sp, p), append(ap, SnakeCase(p)), append(k, p)
	}
	return c.specPrefix + strings.Join(sp, "."), c.attrPrefix + strings.Join(ap, "."), strings.Join(k, ".")
}

func (c *checker) isExcluded(key string) bool {
	for _, e := range c.excluded {
		if e.DataSource == c.ep.DataSource && e.Property == key {
			c.r.excluded[e] = true
			return true
		}
	}
	return false
}

func (c *checker) isUnspecified(key string) bool {
	for _, u := range c.notInSpec {
		if u.Path == c.path && SnakeCase(u.Property) == key {
			c.r.unspecified[u] = true
			return true
		}
	}
	return false
}

// object checks the properties of object schema s against attrs; inputs
// are attributes that are only inputs (of a single lookup, whose item is
// at the top level), which no property need match.
func (c *checker) object(path []string, s *openapi3.Schema, attrs map[string]attr.Type, inputs map[string]bool) {
	matched := map[string]bool{}
	names := make([]string, 0, len(s.Properties))
	for name := range s.Properties {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := append(slices.Clone(path), name)
		specName, attrName, key := c.names(p)
		if c.isExcluded(key) {
			if _, ok := attrs[SnakeCase(name)]; ok {
				c.problem("property %s is in Excluded for %s, yet it is an attribute (%s): remove it from Excluded", specName, c.ep.DataSource, attrName)
			}
			matched[SnakeCase(name)] = true
			continue
		}
		t, ok := attrs[SnakeCase(name)]
		if !ok {
			c.problem("property %s (%s) is not an attribute of %s: map it as %s, or add it to contract.Excluded with the reason it is left out",
				specName, Describe(Resolve(s.Properties[name])), c.ep.DataSource, attrName)
			continue
		}
		matched[SnakeCase(name)] = true
		c.kind(p, Resolve(s.Properties[name]), t)
	}
	for name := range attrs {
		if matched[name] || inputs[name] {
			continue
		}
		_, attrName, key := c.names(append(slices.Clone(path), name))
		if c.isUnspecified(SnakeCase(key)) {
			continue
		}
		c.r.unmatched[attrName] = append(c.r.unmatched[attrName], c.path)
	}
}

// kind checks that attribute type t is the kind spec property s calls
// for (see TestEveryPropertyIsAnAttribute).
func (c *checker) kind(path []string, s *openapi3.Schema, t attr.Type) {
	specName, attrName, _ := c.names(path)
	// mismatch reports that the property, for the reason why, wants an
	// attribute of another kind.
	mismatch := func(want, why string) {
		if why != "" {
			why = " (" + why + ")"
		}
		c.problem("property %s (%s) wants %s%s, but %s has %s as %s", specName, Describe(s), want, why, c.ep.DataSource, attrName, kindOf(t))
	}
	jsonText := t.Equal(jsontypes.NormalizedType{})
	switch {
	case s == nil:
		c.problem("property %s has no schema", specName)
	case len(s.OneOf) > 0 || len(s.AnyOf) > 0:
		if ot, ok := t.(types.ObjectType); ok {
			c.object(path, Union(s), ot.AttrTypes, nil)
		} else if !jsonText {
			mismatch("JSON text (jsontypes.Normalized), or an object with the properties of all of them", "it is one of several schemas")
		}
	case s.Type.IsEmpty():
		_, isMap := t.(types.MapType)
		_, isObject := t.(types.ObjectType)
		if !jsonText && !isMap && !isObject {
			mismatch("JSON text, a map or an object", "it has no type")
		}
	case s.Type.Is("string"):
		name := path[len(path)-1]
		switch {
		case s.Format == "date-time":
			if !t.Equal(timetypes.RFC3339Type{}) {
				mismatch("a timestamp (timetypes.RFC3339)", "")
			}
		case name == "attributes" || strings.HasSuffix(name, "_attributes"):
			if !jsonText {
				mismatch("JSON text (jsontypes.Normalized)", "it holds a JSON document as text")
			}
		default:
			if !t.Equal(types.StringType) {
				mismatch("a string", "")
			}
		}
	case s.Type.Is("integer"):
		if !t.Equal(types.Int64Type) && !t.Equal(types.NumberType) {
			mismatch("an int64", "")
		}
	case s.Type.Is("number"):
		if !t.Equal(types.Float64Type) && !t.Equal(types.NumberType) {
			mismatch("a float64 or a number", "")
		}
	case s.Type.Is("boolean"):
		if !t.Equal(types.BoolType) {
			mismatch("a bool", "")
		}
	case s.Type.Is("array"):
		if items := Resolve(s.Items); jsonText && (items == nil || items.Type.IsEmpty() && len(items.Properties) == 0) {
			return // a list of values of no type, as JSON text
		}
		lt, ok := t.(types.ListType)
		if !ok {
			mismatch("a list", "")
			return
		}
		c.kind(append(slices.Clone(path), "[]"), Resolve(s.Items), lt.ElemType)
	case s.Type.Is("object") && s.Format == "uri-map":
		if !t.Equal(types.MapType{ElemType: types.StringType}) {
			mismatch("a map of strings", "a map of URLs, to which Twilio adds names")
		}
	case s.Type.Is("object") && len(s.Properties) > 0:
		ot, ok := t.(types.ObjectType)
		if !ok {
			mismatch("an object", "")
			return
		}
		c.object(path, s, ot.AttrTypes, nil)
	case s.Type.Is("object") && s.AdditionalProperties.Schema != nil:
		if jsonText {
			return
		}
		mt, ok := t.(types.MapType)
		if !ok {
			mismatch("a map or JSON text", "")
			return
		}
		c.kind(append(slices.Clone(path), "[]"), Resolve(s.AdditionalProperties.Schema), mt.ElemType)
	case s.Type.Is("object"):
		if !jsonText {
			mismatch("JSON text (jsontypes.Normalized)", "it is a free-form object")
		}
	default:
		mismatch("a kind this test knows", "teach it the spec's type")
	}
}

// kindOf names an attribute type for messages.
func kindOf(t attr.Type) string {
	switch {
	case t.Equal(types.StringType):
		return "a string"
	case t.Equal(timetypes.RFC3339Type{}):
		return "a timestamp (timetypes.RFC3339)"
	case t.Equal(jsontypes.NormalizedType{}):
		return "JSON text (jsontypes.Normalized)"
	case t.Equal(types.Int64Type):
		return "an int64"
	case t.Equal(types.Float64Type):
		return "a float64"
	case t.Equal(types.NumberType):
		return "a number"
	case t.Equal(types.BoolType):
		return "a bool"
	}
	switch t := t.(type) {
	case types.ListType:
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(kindOf(t.ElemType), "a "), "an ")
	case types.SetType:
		return "a set (use a list)"
	case types.MapType:
		return "a map of " + strings.TrimPrefix(strings.TrimPrefix(kindOf(t.ElemType), "a "), "an ")
	case types.ObjectType:
		names := make([]string, 0, len(t.AttrTypes))
		for n := range t.AttrTypes {
			names = append(names, n)
		}
		slices.Sort(names)
		return "an object {" + strings.Join(names, ", ") + "}"
	}
	return t.String()
}
