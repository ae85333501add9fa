package datasources

import (
	"net/url"
	"regexp"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Filters the provider applies to every item it reads. They never change
// which requests are made: every page is still read, so a result is
// complete for its filter.

// providerFilter ends the description of every filter the provider applies.
const providerFilter = " Applied by the provider to every item it reads: the whole listing is still paged through."

func timeFilter(desc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: desc + providerFilter}
}

// window is an open time interval; a zero bound is unbounded.
type window struct{ after, before time.Time }

// timeWindow is the window of the <name>_after and <name>_before inputs,
// nil when neither is set; it adds them to q.
func timeWindow(q url.Values, name string, after, before timetypes.RFC3339) (*window, diag.Diagnostics) {
	var diags diag.Diagnostics
	if after.IsNull() && before.IsNull() {
		return nil, diags
	}
	w := &window{}
	for _, b := range []struct {
		key string
		v   timetypes.RFC3339
		t   *time.Time
	}{{name + "_after", after, &w.after}, {name + "_before", before, &w.before}} {
		if b.v.IsNull() {
			continue
		}
		t, d := b.v.ValueRFC3339Time()
		diags.Append(d...)
		*b.t = t
		q.Set(b.key, b.v.ValueString())
	}
	return w, diags
}

// contains says whether timestamp ts is strictly inside w. Every timestamp
// is inside a nil window; a null or unreadable one is inside no other.
func (w *window) contains(ts *string) bool {
	if w == nil {
		return true
	}
	if ts == nil {
		return false
	}
	t, err := time.Parse(time.RFC3339, *ts)
	if err != nil {
		return false
	}
	return (w.after.IsZero() || t.After(w.after)) && (w.before.IsZero() || t.Before(w.before))
}

// oneOf is the filter of a list of values, nil when the list is unset or
// empty; it adds them to q under key. A null value never matches.
func oneOf(q url.Values, key string, values []types.String) func(*string) bool {
	if len(values) == 0 {
		return nil
	}
	set := make([]string, len(values))
	for i, v := range values {
		set[i] = v.ValueString()
	}
	slices.Sort(set)
	q[key] = set
	return func(v *string) bool { return v != nil && slices.Contains(set, *v) }
}

// memoryStoreID is the pattern of a memory store ID in Twilio's spec.
var memoryStoreID = regexp.MustCompile(`^mem_(store|service)_[0-7][0-9a-z]{25}$`)
