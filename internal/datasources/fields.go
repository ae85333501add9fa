package datasources

import (
	"fmt"
	"slices"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// An API type is declared once, as a table of its fields: for each field,
// the attribute's name, its kind and description, and how its value is
// read from the item the client decoded. The data source's schema and the
// state writer are both made from that table, so an attribute cannot be in
// one and not in the other, and the contract test checks the table's
// attributes against Twilio's spec.

// apiType is the declaration of an API type T: what an item is called in
// messages, how it is named there, and its fields in the order of their
// names, which is the order the state is written in.
type apiType[T any] struct {
	kind   string
	id     func(*T) *string
	fields []field[T]
}

// field is one attribute of an item of type T.
type field[T any] struct {
	name  string
	attr  schema.Attribute
	write func(w *stateWriter, it *T, owner itemRef)
}

// itemRef names the item a value belongs to, in messages: a nested
// object's values are named by the listed item they are part of.
type itemRef struct{ kind, id string }

func (r itemRef) String() string { return fmt.Sprintf("%s %q", r.kind, r.id) }

// declare declares API type T, whose items are called kind and named by
// id in messages (nil when T is only ever nested in another type).
func declare[T any](kind string, id func(*T) *string, fields ...[]field[T]) *apiType[T] {
	a := &apiType[T]{kind: kind, id: id, fields: slices.Concat(fields...)}
	slices.SortFunc(a.fields, func(x, y field[T]) int { return strings.Compare(x.name, y.name) })
	for i := 1; i < len(a.fields); i++ {
		if a.fields[i].name == a.fields[i-1].name {
			panic("datasources: attribute " + a.fields[i].name + " of " + kind + " declared twice")
		}
	}
	return a
}

// attributes are the type's schema attributes.
func (a *apiType[T]) attributes() map[string]schema.Attribute {
	attrs := make(map[string]schema.Attribute, len(a.fields))
	for _, f := range a.fields {
		attrs[f.name] = f.attr
	}
	return attrs
}

// without is the type less the named fields, for a lookup that declares
// them as its own inputs.
func (a *apiType[T]) without(names ...string) *apiType[T] {
	out := *a
	out.fields = slices.DeleteFunc(slices.Clone(a.fields), func(f field[T]) bool { return slices.Contains(names, f.name) })
	return &out
}

// ref names item it in messages.
func (a *apiType[T]) ref(it *T) itemRef {
	r := itemRef{kind: a.kind}
	if a.id != nil {
		r.id = deref(a.id(it))
	}
	return r
}

// write writes item it as an object; nil is null.
func (a *apiType[T]) write(w *stateWriter, it *T) {
	if it == nil {
		w.null()
		return
	}
	w.object(len(a.fields))
	a.writeFields(w, it, a.ref(it))
}

// writeFields writes the attributes of it, without the object's header:
// a single lookup writes them beside its own inputs.
func (a *apiType[T]) writeFields(w *stateWriter, it *T, owner itemRef) {
	for i := range a.fields {
		a.fields[i].write(w, it, owner)
	}
}

// Field kinds. Each takes the attribute's name, its description and the
// function that reads its value from a decoded item; nil is null.

func str[T any](name, desc string, get func(*T) *string) field[T] {
	return field[T]{name, computedString(desc), func(w *stateWriter, it *T, _ itemRef) { w.str(name, get(it)) }}
}

func integer[T any](name, desc string, get func(*T) *int64) field[T] {
	return field[T]{name, computedInt(desc), func(w *stateWriter, it *T, _ itemRef) { w.int(name, get(it)) }}
}

func number[T any](name, desc string, get func(*T) *float64) field[T] {
	return field[T]{name, computedFloat(desc), func(w *stateWriter, it *T, _ itemRef) { w.float(name, get(it)) }}
}

func boolean[T any](name, desc string, get func(*T) *bool) field[T] {
	return field[T]{name, computedBool(desc), func(w *stateWriter, it *T, _ itemRef) { w.bool(name, get(it)) }}
}

// timestamp is an RFC 3339 timestamp; any other text is an error naming
// the item and the attribute.
func timestamp[T any](name, desc string, get func(*T) *string) field[T] {
	return field[T]{name, computedTime(desc), func(w *stateWriter, it *T, o itemRef) { w.time(name, get(it), o) }}
}

// jsonString is a string that holds JSON text, such as v1 attributes.
func jsonString[T any](name, desc string, get func(*T) *string) field[T] {
	return field[T]{name, computedJSON(desc), func(w *stateWriter, it *T, o itemRef) { w.jsonText(name, get(it), o) }}
}

// jsonValue is a free-form JSON value, stored as its JSON text.
func jsonValue[T any](name, desc string, get func(*T) jsontext.Value) field[T] {
	return field[T]{name, computedJSON(desc), func(w *stateWriter, it *T, o itemRef) { w.json(name, get(it), o) }}
}

func strList[T any](name, desc string, get func(*T) []*string) field[T] {
	return field[T]{name, computedStringList(desc), func(w *stateWriter, it *T, _ itemRef) { w.strList(name, get(it)) }}
}

// strMap is a map of strings, such as metadata.
func strMap[T any](name, desc string, get func(*T) map[string]*string) field[T] {
	return field[T]{name, computedStringMap(desc), func(w *stateWriter, it *T, o itemRef) { w.strMap(name, get(it), o) }}
}

// urlMap is an open map of URLs, such as v1 links: a member that is not a
// string is stored as its JSON text, with a warning.
func urlMap[T any](name, desc string, get func(*T) map[string]jsontext.Value) field[T] {
	return field[T]{name, computedStringMap(desc), func(w *stateWriter, it *T, o itemRef) { w.rawMap(name, get(it), o) }}
}

// object is a nested object of type U.
func object[T, U any](name, desc string, get func(*T) *U, of *apiType[U]) field[T] {
	return field[T]{name, computedObject(desc, of.attributes()), func(w *stateWriter, it *T, o itemRef) {
		if v := get(it); w.nested(name, v != nil, len(of.fields)) {
			of.writeFields(w, v, o)
		}
	}}
}

// objectList is a list of objects of type U; a null element is null.
func objectList[T, U any](name, desc string, get func(*T) []*U, of *apiType[U]) field[T] {
	return field[T]{name, computedObjectList(desc, of.attributes()), func(w *stateWriter, it *T, o itemRef) {
		vs := get(it)
		if w.list(name, len(vs), vs == nil) {
			for _, v := range vs {
				if v == nil {
					w.null()
					continue
				}
				w.object(len(of.fields))
				of.writeFields(w, v, o)
			}
		}
	}}
}

// embed lifts the fields of U, which T embeds, into T.
func embed[T, U any](get func(*T) *U, of *apiType[U]) []field[T] {
	out := make([]field[T], len(of.fields))
	for i, f := range of.fields {
		out[i] = field[T]{f.name, f.attr, func(w *stateWriter, it *T, o itemRef) { f.write(w, get(it), o) }}
	}
	return out
}

// fields groups field declarations for declare.
func fields[T any](fs ...field[T]) []field[T] { return fs }
