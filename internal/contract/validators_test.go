package contract

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

// The validators of every input that the provider sends as a parameter
// accept exactly what the spec accepts for it, where the spec constrains
// it (an enum, a pattern, a length or a range): probed with the spec's
// examples and enum members, the values the row's reads use, the range's
// ends, and near misses of each (one character more or less, another
// case, a member with a letter added, each end ±1). Whether the spec
// accepts a value is kin-openapi's verdict on the parameter's schema.
//
// Where the spec sets no constraint (an id, an identity, an address), the
// values the reads use and the spec's examples must be accepted; the
// provider may refuse more, such as an empty id, or a user_sid that is not
// a US SID (the UserSid segment also takes an identity, which the provider
// takes as identity).
func TestInputValidatorsAcceptWhatTheSpecAccepts(t *testing.T) {
	specs := loadSpecs(t)
	schemas := dataSources(t)
	data := emulator.Generate(emulator.DefaultGenerateOptions)
	for _, ep := range Endpoints {
		t.Run(ep.DataSource, func(t *testing.T) {
			s := schemas[ep.DataSource]
			probed, filters := 0, 0
			for _, p := range ep.Paths {
				params := Parameters(specs[ep.Spec].doc, p)
				names := make([]string, 0, len(params))
				for n := range params {
					names = append(names, n)
				}
				slices.Sort(names)
				for _, pn := range names {
					param := params[pn]
					if !isPaging(pn) {
						filters++
					}
					for _, an := range inputsFor(ep, s, pn) {
						probed++
						for _, problem := range probe(s.Attributes[an], an, param, readValues(ep, an, data)) {
							t.Errorf("GET %s parameter %s, input %s: %s", p, pn, an, problem)
						}
					}
				}
			}
			if probed == 0 && filters > 0 {
				t.Error("no input is sent as a parameter of the spec")
			}
		})
	}
}

// inputsFor are the input attributes of s that are sent as parameter pn:
// the one named as pn in snake_case, and those the row's Inputs name.
func inputsFor(ep Endpoint, s schema.Schema, pn string) []string {
	var out []string
	if a, ok := s.Attributes[SnakeCase(pn)]; ok && (a.IsOptional() || a.IsRequired()) {
		out = append(out, SnakeCase(pn))
	}
	for an, p := range ep.Inputs {
		if p == pn && !slices.Contains(out, an) {
			out = append(out, an)
		}
	}
	slices.Sort(out)
	return out
}

// readValues are the values the row's reads give attribute name.
func readValues(ep Endpoint, name string, data *emulator.Dataset) []any {
	var out []any
	for _, r := range ep.Reads {
		v, ok := r[name]
		if !ok {
			continue
		}
		if f, ok := v.(FromData); ok {
			v = f(data)
		}
		if vs, ok := v.([]string); ok {
			for _, s := range vs {
				out = append(out, s)
			}
			continue
		}
		out = append(out, v)
	}
	return out
}

// probe checks the validators of attribute a, named name, against the
// schema of param, with the values used.
func probe(a schema.Attribute, name string, param *openapi3.Parameter, used []any) []string {
	ps := Resolve(param.Schema)
	if ps == nil {
		return []string{"the parameter has no schema"}
	}
	elem := ps
	if ps.Type.Is("array") {
		elem = Resolve(ps.Items)
	}
	constrained := len(elem.Enum) > 0 || elem.Pattern != "" || elem.MinLength > 0 || elem.MaxLength != nil || elem.Min != nil || elem.Max != nil

	// Values the spec gives or the reads use, and the ends of its range.
	var seeds []any
	seeds = append(seeds, used...)
	seeds = append(seeds, elem.Enum...)
	for _, ex := range []any{param.Example, ps.Example, elem.Example} {
		if ex != nil {
			seeds = append(seeds, ex)
		}
	}
	for _, ex := range param.Examples {
		if ex != nil && ex.Value != nil {
			seeds = append(seeds, ex.Value.Value)
		}
	}
	if elem.Min != nil {
		seeds = append(seeds, *elem.Min)
	}
	if elem.Max != nil {
		seeds = append(seeds, *elem.Max)
	}
	if len(seeds) == 0 {
		return []string{"neither the spec nor a read of the row gives a value to probe it with: add a read that sets it"}
	}
	candidates := seeds
	if constrained {
		candidates = append(candidates, nearMisses(elem, seeds)...)
	}

	var problems []string
	accepted, refused := 0, 0
	seen := map[string]bool{}
	for _, v := range candidates {
		v = asParamValue(elem, v)
		key := fmt.Sprint(v)
		if seen[key] {
			continue
		}
		seen[key] = true
		specOK := elem.VisitJSON(v) == nil
		ours, err := validates(a, name, v)
		if err != nil {
			return []string{err.Error()}
		}
		switch {
		case constrained && ours != specOK:
			problems = append(problems, fmt.Sprintf("%s: the spec (%s) %ss it, the provider's validators %s it", quote(v), Describe(elem), verdict(specOK), verdict(ours)))
		case !constrained && specOK && !ours && slices.ContainsFunc(seeds, func(s any) bool { return fmt.Sprint(s) == key }):
			problems = append(problems, fmt.Sprintf("%s, a value of the spec or of a read, is refused by the provider's validators", quote(v)))
		}
		if specOK {
			accepted++
		} else {
			refused++
		}
	}
	if accepted == 0 {
		problems = append(problems, "no probe is a value the spec accepts")
	}
	if constrained && refused == 0 {
		problems = append(problems, "no probe is a value the spec refuses")
	}
	return problems
}

// nearMisses are values next to seeds: the ends of a range ±1, and for
// text one character more or less, another case, a character that no
// pattern of an id takes, and nothing at all.
func nearMisses(s *openapi3.Schema, seeds []any) []any {
	var out []any
	if s.Min != nil {
		out = append(out, *s.Min-1)
	}
	if s.Max != nil {
		out = append(out, *s.Max+1)
	}
	for _, seed := range seeds {
		str, ok := seed.(string)
		if !ok {
			continue
		}
		out = append(out, "", str+"X", "x"+str, strings.ToUpper(str), strings.ToLower(str), str+" ", "!"+str)
		if len(str) > 0 {
			out = append(out, str[:len(str)-1])
		}
	}
	return out
}

// asParamValue is v as the spec's validator reads a value of schema s:
// numbers as float64.
func asParamValue(s *openapi3.Schema, v any) any {
	if s.Type.Is("integer") || s.Type.Is("number") {
		switch n := v.(type) {
		case int:
			return float64(n)
		case int64:
			return float64(n)
		case string:
			if f, err := strconv.ParseFloat(n, 64); err == nil {
				return f
			}
		}
	}
	return v
}

// validates says whether the validators of attribute a accept value v
// (an element, for a list attribute).
func validates(a schema.Attribute, name string, v any) (bool, error) {
	ctx := context.Background()
	p := path.Root(name)
	switch a := a.(type) {
	case schema.StringAttribute:
		s, ok := v.(string)
		if !ok {
			return false, fmt.Errorf("%s is a string, the spec's values are not: %v", name, v)
		}
		for _, val := range a.StringValidators() {
			resp := &validator.StringResponse{}
			val.ValidateString(ctx, validator.StringRequest{Path: p, ConfigValue: types.StringValue(s)}, resp)
			if resp.Diagnostics.HasError() {
				return false, nil
			}
		}
		return true, nil
	case schema.NumberAttribute, schema.Int64Attribute:
		f, ok := v.(float64)
		if !ok {
			return false, fmt.Errorf("%s is a number, the spec's values are not: %v", name, v)
		}
		if n, ok := a.(schema.Int64Attribute); ok {
			if f != float64(int64(f)) {
				return false, nil
			}
			for _, val := range n.Int64Validators() {
				resp := &validator.Int64Response{}
				val.ValidateInt64(ctx, validator.Int64Request{Path: p, ConfigValue: types.Int64Value(int64(f))}, resp)
				if resp.Diagnostics.HasError() {
					return false, nil
				}
			}
			return true, nil
		}
		for _, val := range a.(schema.NumberAttribute).NumberValidators() {
			resp := &validator.NumberResponse{}
			val.ValidateNumber(ctx, validator.NumberRequest{Path: p, ConfigValue: types.NumberValue(big.NewFloat(f))}, resp)
			if resp.Diagnostics.HasError() {
				return false, nil
			}
		}
		return true, nil
	case schema.ListAttribute:
		s, ok := v.(string)
		if !ok || !a.ElementType.Equal(types.StringType) {
			return false, fmt.Errorf("%s: only lists of strings are probed", name)
		}
		list := types.ListValueMust(types.StringType, []attr.Value{types.StringValue(s)})
		for _, val := range a.ListValidators() {
			resp := &validator.ListResponse{}
			val.ValidateList(ctx, validator.ListRequest{Path: p, ConfigValue: list}, resp)
			if resp.Diagnostics.HasError() {
				return false, nil
			}
		}
		return true, nil
	}
	return false, fmt.Errorf("%s is a %T, which this test cannot probe yet", name, a)
}

func verdict(ok bool) string {
	if ok {
		return "accept"
	}
	return "refuse"
}

func quote(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

// The probe finds validators that accept more or less than the spec: a
// memory store id with none, a page size one short of the spec's range,
// a status list that takes any case, and an id with no probe value.
func TestProbeFindsValidatorsThatDiffer(t *testing.T) {
	doc := loadSpecs(t)[V2].doc
	configurations := Parameters(doc, "/v2/ControlPlane/Configurations")
	conversations := Parameters(doc, "/v2/Conversations")
	for _, tc := range []struct {
		name  string
		a     schema.Attribute
		param *openapi3.Parameter
		used  []any
		want  string
	}{
		{"memory_store_id", schema.StringAttribute{Optional: true}, configurations["memoryStoreId"], nil,
			`"mem_store_01k1etk2y5f1y9fpe2epfdtvv"`},
		{"page_size", schema.NumberAttribute{Optional: true, Validators: []validator.Number{validate.Check("1 to 999", validate.WholeNumber(1, 999))}},
			conversations["pageSize"], nil, "1000: the spec (integer 1..1000) accepts it, the provider's validators refuse it"},
		{"statuses", schema.ListAttribute{Optional: true, ElementType: types.StringType, Validators: []validator.List{
			listvalidator.ValueStringsAre(stringvalidator.OneOfCaseInsensitive("ACTIVE", "INACTIVE", "CLOSED"))}},
			conversations["status"], nil, `"active": the spec (string one of ACTIVE, INACTIVE, CLOSED) refuses it, the provider's validators accept it`},
		{"channel_id", schema.StringAttribute{Optional: true}, conversations["channelId"], nil, "neither the spec nor a read of the row gives a value"},
	} {
		problems := strings.Join(probe(tc.a, tc.name, tc.param, tc.used), "\n")
		if !strings.Contains(problems, tc.want) {
			t.Errorf("%s: the probe found\n%s\nwant a problem with %q", tc.name, problems, tc.want)
		}
	}
}
