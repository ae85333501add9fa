package contract

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
)

// Every response of the emulator, for every path in Endpoints, validates
// against the spec, nulls included: every page of every listing, read with
// several page sizes and every filter, forwards and one page back; the
// single objects; and the errors: 400 (a page size, a token or a filter
// value the spec refuses), 401, 404, 429, 500 and 503. An error body has
// exactly the properties of the spec's error schema, and its status is the
// HTTP status. The v1 spec documents no error response: v1 errors are held
// to the v2 spec's error schema, Twilio's one error body. A 200 body has no
// property the spec does not list, but those in NotInSpec.
//
// It runs on the emulator's generated account and on the fixture the
// README shows.
func TestEmulatorResponsesAreTheSpecs(t *testing.T) {
	for name, d := range map[string]*emulator.Dataset{
		"generated": emulator.Generate(emulator.DefaultGenerateOptions),
		"README":    readmeFixture(t),
	} {
		t.Run(name, func(t *testing.T) {
			v := newResponseCheck(t, d, emulator.Options{})
			for _, path := range endpointPaths() {
				v.listing(path)
				v.errors(path)
			}
			for _, status := range []int{200, 400, 401, 404} {
				if v.statuses[status] == 0 {
					t.Errorf("no answer of status %d was checked", status)
				}
			}
			t.Logf("answers checked, by status: %v", v.statuses)
		})
	}
	t.Run("faults", func(t *testing.T) {
		d := emulator.Generate(emulator.GenerateOptions{Seed: 2, Conversations: 3, ParticipantsPerConversation: 1, V1Conversations: 3, Users: 2})
		for _, f := range []emulator.Faults{{RateLimitEvery: 1, RetryAfter: "1"}, {ServerErrorRate: 1, ServerErrorStatus: 503}, {ServerErrorRate: 1, ServerErrorStatus: 500}} {
			v := newResponseCheck(t, d, emulator.Options{Faults: f})
			for _, path := range endpointPaths() {
				for _, target := range v.targets(path) {
					v.get(target.path, target.query, true, 0)
				}
			}
			if len(v.statuses) != 1 {
				t.Errorf("faults %+v: answers by status %v", f, v.statuses)
			}
		}
	})
}

// endpointPaths are the spec paths of every row, with their spec.
func endpointPaths() []specPath {
	var out []specPath
	for _, ep := range Endpoints {
		for _, p := range ep.Paths {
			out = append(out, specPath{ep.Spec, p})
		}
	}
	return out
}

type specPath struct{ spec, path string }

// responseCheck serves d and checks the emulator's answers.
type responseCheck struct {
	t         *testing.T
	d         *emulator.Dataset
	emu       *emulator.Server
	specs     map[string]*spec
	errSchema *openapi3.Schema
	statuses  map[int]int // answers checked, by status
	// lastStatus is the status of the last answer.
	lastStatus int
}

func newResponseCheck(t *testing.T, d *emulator.Dataset, opts emulator.Options) *responseCheck {
	t.Helper()
	emu, err := emulator.New(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	specs := loadSpecs(t)
	errResp := specs[V2].doc.Components.Responses["NotFound"]
	if errResp == nil || errResp.Value.Content.Get("application/json") == nil {
		t.Fatal("the v2 spec has no error schema")
	}
	return &responseCheck{t: t, d: d, emu: emu, specs: specs, errSchema: Resolve(errResp.Value.Content.Get("application/json").Schema), statuses: map[int]int{}}
}

// target is a request: a concrete path and its filters.
type target struct {
	path  string
	query url.Values
}

// listing reads every target of path with several page sizes, page after
// page, and checks each answer.
func (v *responseCheck) listing(sp specPath) {
	t := v.t
	_, key, err := ItemSchema(v.specs[sp.spec].doc, sp.path)
	if err != nil {
		t.Fatal(err)
	}
	targets := v.targets(sp)
	if len(targets) == 0 {
		t.Errorf("GET %s: the account has nothing to read it with", sp.path)
	}
	for _, tg := range targets {
		if key == "" {
			v.get(tg.path, tg.query, true, 200)
			continue
		}
		size, tokenKey := "pageSize", "pageToken"
		if sp.spec == V1 {
			size, tokenKey = "PageSize", "PageToken"
		}
		largest := Parameters(v.specs[sp.spec].doc, sp.path)[size].Schema.Value.Max
		for _, n := range []int{1, 7, int(*largest)} {
			q := clone(tg.query)
			q.Set(size, strconv.Itoa(n))
			path, pages := tg.path, 0
			var back *target
			for {
				body := v.get(path, q, true, -1)
				if body == nil && pages == 0 && v.lastStatus == http.StatusBadRequest {
					// A listing the API refuses without a filter, such
					// as participant conversations without an identity
					// or address; the error was checked.
					pages = -1
				}
				var page struct {
					Meta struct {
						NextToken     string  `json:"nextToken"`
						PreviousToken string  `json:"previousToken"`
						NextPageURL   *string `json:"next_page_url"`
						PrevPageURL   *string `json:"previous_page_url"`
					} `json:"meta"`
				}
				if body == nil || json.Unmarshal(body, &page) != nil {
					break
				}
				pages++
				m := page.Meta
				switch {
				case m.PreviousToken != "":
					bq := clone(q)
					bq.Set(tokenKey, m.PreviousToken)
					back = &target{tg.path, bq}
				case m.PrevPageURL != nil:
					back = relative(t, *m.PrevPageURL)
				}
				switch {
				case m.NextToken != "":
					q = clone(q)
					q.Set(tokenKey, m.NextToken)
					continue
				case m.NextPageURL != nil && *m.NextPageURL != "":
					next := relative(t, *m.NextPageURL)
					path, q = next.path, next.query
					continue
				}
				break
			}
			if back != nil {
				v.get(back.path, back.query, true, 200)
			}
			if pages == 0 {
				t.Errorf("GET %s?%s: no page", tg.path, q.Encode())
			}
		}
	}
}

// errors checks the answers to requests that fail: without credentials,
// for objects that do not exist, and with values the spec refuses.
func (v *responseCheck) errors(sp specPath) {
	targets := v.targets(sp)
	if len(targets) == 0 {
		return
	}
	tg := targets[0]
	v.get(tg.path, tg.query, false, http.StatusUnauthorized)
	if missing := v.unknown(sp.path); missing != "" {
		v.get(missing, tg.query, true, http.StatusNotFound)
	}
	params := Parameters(v.specs[sp.spec].doc, sp.path)
	for name, p := range params {
		if p.In != "query" {
			continue
		}
		s := Resolve(p.Schema)
		elem := s
		if s.Type.Is("array") {
			elem = Resolve(s.Items)
		}
		var bad []string
		switch {
		case len(elem.Enum) > 0:
			bad = append(bad, fmt.Sprint(elem.Enum[0])+"X")
		case elem.Max != nil:
			bad = append(bad, strconv.FormatFloat(*elem.Max+1, 'f', -1, 64))
			if elem.Min != nil && *elem.Min > 0 {
				bad = append(bad, strconv.FormatFloat(*elem.Min-1, 'f', -1, 64))
			}
		case elem.Pattern != "":
			bad = append(bad, "x")
		case strings.EqualFold(name, "pageToken"):
			bad = append(bad, "not-a-token")
		}
		for _, b := range bad {
			q := clone(tg.query)
			q.Set(name, b)
			v.get(tg.path, q, true, http.StatusBadRequest)
		}
	}
}

// get requests path?query from the emulator and checks the answer against
// the spec; want is the status it must have (any when -1, any error when
// 0). It returns the body of a 200.
func (v *responseCheck) get(path string, query url.Values, auth bool, want int) []byte {
	t := v.t
	t.Helper()
	target := path
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	req := httptest.NewRequest(http.MethodGet, "http://conversations.emulator.test"+target, nil)
	if auth {
		req.SetBasicAuth(emulator.DefaultUsername, emulator.DefaultPassword)
	}
	rec := httptest.NewRecorder()
	v.emu.ServeHTTP(rec, req)
	res := rec.Result()
	body := rec.Body.Bytes()
	v.lastStatus = res.StatusCode
	v.statuses[res.StatusCode]++
	switch {
	case want > 0 && res.StatusCode != want:
		t.Errorf("GET %s: %d %s; want %d", target, res.StatusCode, body, want)
	case want == 0 && res.StatusCode < 400:
		t.Errorf("GET %s: %d; want an error", target, res.StatusCode)
	}
	for _, p := range v.check(req, res.StatusCode, res.Header, body) {
		t.Errorf("GET %s: %d: %s", target, res.StatusCode, p)
	}
	if res.StatusCode != 200 {
		return nil
	}
	return body
}

// check validates one answer against the spec of its path.
func (v *responseCheck) check(req *http.Request, status int, header http.Header, body []byte) []string {
	var sp *spec
	switch {
	case strings.HasPrefix(req.URL.Path, "/v1/"):
		sp = v.specs[V1]
	case strings.HasPrefix(req.URL.Path, "/v2/"):
		sp = v.specs[V2]
	default:
		return []string{"a path of neither version"}
	}
	route, pathParams, err := sp.router.FindRoute(req)
	if err != nil {
		return []string{"no operation of the spec: " + err.Error()}
	}
	var problems []string
	if route.Operation.Responses.Status(status) != nil || route.Operation.Responses.Default() != nil {
		err := openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{
				Request: req, PathParams: pathParams, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
			},
			Status: status, Header: header, Body: io.NopCloser(bytes.NewReader(body)),
			Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true, SchemaValidationOptions: sp.doc.GetSchemaValidationOptions()},
		})
		if err != nil {
			problems = append(problems, err.Error())
		}
	} else if status < 400 {
		problems = append(problems, fmt.Sprintf("GET %s documents no %d", route.Path, status))
	}
	if status >= 400 {
		problems = append(problems, v.checkError(status, header, body)...)
		return problems
	}
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		return append(problems, err.Error())
	}
	resp := route.Operation.Responses.Status(status).Value
	_, key, _ := ItemSchema(sp.doc, route.Path)
	for _, extra := range undocumented(doc, Resolve(resp.Content.Get("application/json").Schema), "") {
		rel := extra
		if key != "" {
			rel = strings.TrimPrefix(extra, key+"[].")
		}
		if !slices.ContainsFunc(NotInSpec, func(u Unspecified) bool { return u.Path == route.Path && u.Property == rel }) {
			problems = append(problems, fmt.Sprintf("property %s is not in the spec (nor in contract.NotInSpec)", extra))
		}
	}
	return problems
}

// checkError checks an error body: JSON, exactly the error schema's
// properties, valid for it, and its status the HTTP status.
func (v *responseCheck) checkError(status int, header http.Header, body []byte) []string {
	var problems []string
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		problems = append(problems, "error body of type "+ct)
	}
	var e map[string]any
	if err := json.Unmarshal(body, &e); err != nil {
		return append(problems, "error body is not a JSON object: "+err.Error())
	}
	var keys, want []string
	for k := range e {
		keys = append(keys, k)
	}
	for k := range v.errSchema.Properties {
		want = append(want, k)
	}
	slices.Sort(keys)
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		problems = append(problems, fmt.Sprintf("error body has %v, the spec's error has %v", keys, want))
	}
	if err := v.specs[V2].doc.ValidateSchemaJSON(v.errSchema, e); err != nil {
		problems = append(problems, "error body: "+err.Error())
	}
	if e["status"] != float64(status) {
		problems = append(problems, fmt.Sprintf("error body's status is %v, the HTTP status %d", e["status"], status))
	}
	return problems
}

// undocumented are the properties of value v that schema s does not list,
// where it lists its properties, by path.
func undocumented(v any, s *openapi3.Schema, path string) []string {
	if s == nil {
		return nil
	}
	var out []string
	if u := Union(s); u != nil {
		s = u
	}
	switch v := v.(type) {
	case map[string]any:
		closed := len(s.Properties) > 0 && s.AdditionalProperties.Schema == nil && (s.AdditionalProperties.Has == nil || !*s.AdditionalProperties.Has)
		for k, e := range v {
			p := k
			if path != "" {
				p = path + "." + k
			}
			ps, ok := s.Properties[k]
			switch {
			case ok:
				out = append(out, undocumented(e, Resolve(ps), p)...)
			case s.AdditionalProperties.Schema != nil:
				out = append(out, undocumented(e, Resolve(s.AdditionalProperties.Schema), p)...)
			case closed:
				out = append(out, p)
			}
		}
	case []any:
		for _, e := range v {
			out = append(out, undocumented(e, Resolve(s.Items), path+"[]")...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// targets are requests of path for the objects of the account, with every
// filter of the spec the account gives values for, and none.
func (v *responseCheck) targets(sp specPath) []target {
	var out []target
	for _, p := range v.fill(sp.path) {
		out = append(out, target{p, url.Values{}})
		for name, param := range Parameters(v.specs[sp.spec].doc, sp.path) {
			if param.In != "query" || isPaging(name) {
				continue
			}
			vals := v.values(name, param, p)
			if len(vals) == 0 {
				v.t.Errorf("GET %s: no value to filter by %s with: teach responseCheck.values", sp.path, name)
			}
			for _, val := range vals {
				out = append(out, target{p, url.Values{name: val}})
			}
		}
	}
	return out
}

func isPaging(name string) bool {
	return slices.Contains([]string{"pageSize", "pageToken", "PageSize", "Page", "PageToken"}, name)
}

// fill is the paths of the account's objects for spec path p: each
// parameter takes the ids of the first objects of the kind the segment
// before it names (Conversations, Participants, Services, …), within the
// objects the segments before name.
func (v *responseCheck) fill(p string) []string {
	type partial struct {
		segs    []string
		conv    *emulator.V2Conversation
		v1conv  *emulator.V1Conversation
		service *emulator.Service
	}
	v1 := strings.HasPrefix(p, "/v1/")
	d := v.d
	tmpl := strings.Split(p, "/")
	paths := []partial{{}}
	for i, seg := range tmpl {
		if !strings.HasPrefix(seg, "{") {
			for k := range paths {
				paths[k].segs = append(paths[k].segs, seg)
			}
			continue
		}
		var next []partial
		for _, cur := range paths {
			with := func(id string, conv *emulator.V2Conversation, service *emulator.Service) {
				next = append(next, partial{append(slices.Clone(cur.segs), url.PathEscape(id)), conv, cur.v1conv, service})
			}
			withV1 := func(id string, c *emulator.V1Conversation) {
				next = append(next, partial{append(slices.Clone(cur.segs), url.PathEscape(id)), nil, c, cur.service})
			}
			svc := cur.service
			if svc == nil {
				svc = v.defaultService()
			}
			switch kind := tmpl[i-1]; {
			case v1 && kind == "Conversations":
				// The first, and one with messages and webhooks.
				var picks []*emulator.V1Conversation
				for k := range svc.Conversations {
					c := &svc.Conversations[k]
					if k == 0 || len(c.Messages) > 0 && len(c.Webhooks) > 0 && len(picks) < 2 {
						picks = append(picks, c)
					}
				}
				for _, c := range picks {
					withV1(c.Sid, c)
				}
			case v1 && kind == "Participants" && cur.v1conv != nil:
				for _, pt := range cur.v1conv.Participants[:min(2, len(cur.v1conv.Participants))] {
					withV1(pt.Sid, cur.v1conv)
					if pt.Identity != nil {
						withV1(*pt.Identity, cur.v1conv)
					}
				}
			case kind == "Messages" && cur.v1conv != nil:
				for _, m := range cur.v1conv.Messages[:min(2, len(cur.v1conv.Messages))] {
					withV1(m.Sid, cur.v1conv)
				}
			case kind == "Webhooks" && cur.v1conv != nil:
				for _, w := range cur.v1conv.Webhooks[:min(2, len(cur.v1conv.Webhooks))] {
					withV1(w.Sid, cur.v1conv)
				}
			case kind == "Messages" || kind == "Webhooks":
			case kind == "Conversations":
				for k := range d.Conversations[:min(3, len(d.Conversations))] {
					with(d.Conversations[k].ID, &d.Conversations[k], cur.service)
				}
			case kind == "Configurations":
				for _, c := range d.Configurations[:min(2, len(d.Configurations))] {
					with(c.ID, cur.conv, cur.service)
				}
			case kind == "Participants" && cur.conv != nil && cur.conv.Participants != nil:
				for _, pt := range (*cur.conv.Participants)[:min(2, len(*cur.conv.Participants))] {
					with(pt.ID, cur.conv, cur.service)
				}
			case kind == "Communications" && cur.conv != nil:
				for _, c := range cur.conv.Communications[:min(2, len(cur.conv.Communications))] {
					with(c.ID, cur.conv, cur.service)
				}
			case kind == "Services":
				for k := range d.Services {
					with(d.Services[k].Sid, cur.conv, &d.Services[k])
				}
			case kind == "Users":
				for _, u := range svc.Users[:min(2, len(svc.Users))] {
					with(u.Sid, cur.conv, svc)
					with(u.Identity, cur.conv, svc)
				}
			case kind == "Addresses":
				for _, a := range d.AddressConfigurations[:min(2, len(d.AddressConfigurations))] {
					with(a.Sid, cur.conv, cur.service)
					with(a.Address, cur.conv, cur.service)
				}
			case kind == "Roles":
				for _, r := range svc.Roles[:min(2, len(svc.Roles))] {
					with(r.Sid, cur.conv, cur.service)
				}
			case kind == "Bindings":
				for _, b := range svc.Bindings[:min(2, len(svc.Bindings))] {
					with(b.Sid, cur.conv, cur.service)
				}
			case kind == "Credentials":
				for _, c := range d.Credentials[:min(2, len(d.Credentials))] {
					with(c.Sid, cur.conv, cur.service)
				}
			case kind == "Participants" || kind == "Communications":
			default:
				v.t.Fatalf("GET %s: no value for %s: teach responseCheck.fill", p, seg)
			}
		}
		paths = next
	}
	out := make([]string, len(paths))
	for i, cur := range paths {
		out[i] = strings.Join(cur.segs, "/")
	}
	return out
}

// defaultService is the account's default Conversation Service.
func (v *responseCheck) defaultService() *emulator.Service {
	for i, s := range v.d.Services {
		if s.Default {
			return &v.d.Services[i]
		}
	}
	return &emulator.Service{}
}

// service is the service that a concrete path names, or the default one.
func (v *responseCheck) service(path string) *emulator.Service {
	for i, s := range v.d.Services {
		if strings.Contains(path, "/Services/"+s.Sid+"/") {
			return &v.d.Services[i]
		}
	}
	return v.defaultService()
}

// conversation is the conversation that a concrete path names, if any.
func (v *responseCheck) conversation(path string) *emulator.V2Conversation {
	for i, c := range v.d.Conversations {
		if strings.HasPrefix(path, "/v2/Conversations/"+url.PathEscape(c.ID)+"/") {
			return &v.d.Conversations[i]
		}
	}
	return nil
}

// values are values of query parameter name to filter the objects of path
// by: each member of an enum, and all of them; ids the account has.
func (v *responseCheck) values(name string, param *openapi3.Parameter, path string) [][]string {
	s := Resolve(param.Schema)
	if s.Type.Is("array") {
		var all []string
		var out [][]string
		for _, e := range Resolve(s.Items).Enum {
			out = append(out, []string{fmt.Sprint(e)})
			all = append(all, fmt.Sprint(e))
		}
		return append(out, all)
	}
	var vals []string
	for _, e := range s.Enum {
		vals = append(vals, fmt.Sprint(e))
	}
	for _, ex := range param.Examples {
		if ex != nil && ex.Value != nil {
			vals = append(vals, fmt.Sprint(ex.Value.Value))
		}
	}
	switch name {
	case "StartDate", "EndDate":
		vals = append(vals, "2025-01-06", "2025-01-06T12:00:00Z")
	case "Type":
		for _, a := range v.d.AddressConfigurations {
			if !slices.Contains(vals, a.Type) {
				vals = append(vals, a.Type)
			}
		}
	case "channelId":
		if c := v.conversation(path); c != nil {
			for _, comm := range c.Communications[:min(3, len(c.Communications))] {
				vals = append(vals, comm.ChannelID)
			}
			vals = append(vals, "SM00000000000000000000000000000000")
			break
		}
		for _, c := range v.d.Conversations[:min(3, len(v.d.Conversations))] {
			vals = append(vals, c.ChannelIDs...)
		}
	case "memoryStoreId":
		for _, c := range v.d.Configurations {
			if c.MemoryStoreID != nil {
				vals = append(vals, *c.MemoryStoreID)
			}
		}
	case "Identity":
		for _, u := range v.service(path).Users[:min(3, len(v.service(path).Users))] {
			vals = append(vals, u.Identity)
		}
	case "BindingType":
		vals = append(vals, "apn", "fcm")
	case "Address":
		for _, c := range v.service(path).Conversations[:min(3, len(v.service(path).Conversations))] {
			for _, p := range c.Participants {
				if p.MessagingBinding != nil {
					vals = append(vals, p.MessagingBinding.Address)
				}
			}
		}
	}
	var out [][]string
	for _, val := range vals {
		out = append(out, []string{val})
	}
	return out
}

// unknown is a path of spec path p whose last parameter names nothing
// the account has, or "" when p has no parameter: the id of the first
// object, ending in "dead" instead, so that it keeps the pattern of a SID
// of its kind.
func (v *responseCheck) unknown(p string) string {
	paths := v.fill(p)
	if !strings.Contains(p, "{") || len(paths) == 0 {
		return ""
	}
	tmpl, segs := strings.Split(p, "/"), strings.Split(paths[0], "/")
	for i := len(tmpl) - 1; i >= 0; i-- {
		if strings.HasPrefix(tmpl[i], "{") {
			if id := segs[i]; len(id) > 4 {
				segs[i] = id[:len(id)-4] + "dead"
			} else {
				segs[i] = id + "dead"
			}
			break
		}
	}
	return strings.Join(segs, "/")
}

// relative is the path and query of an absolute URL.
func relative(t *testing.T, raw string) *target {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("page URL %q: %v", raw, err)
	}
	return &target{u.EscapedPath(), u.Query()}
}

func clone(q url.Values) url.Values {
	c := url.Values{}
	for k, vs := range q {
		c[k] = slices.Clone(vs)
	}
	return c
}

// readmeFixture is the fixture the README's "Fixture format" shows.
func readmeFixture(t *testing.T) *emulator.Dataset {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i := strings.Index(readme, "### Fixture format")
	start := strings.Index(readme[i:], "```json\n")
	if i < 0 || start < 0 {
		t.Fatal("the README has no fixture")
	}
	rest := readme[i+start+len("```json\n"):]
	path := filepath.Join(t.TempDir(), "fixture.json")
	if err := os.WriteFile(path, []byte(rest[:strings.Index(rest, "```")]), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := emulator.LoadFixture(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The response check is not vacuous: it refuses what the emulator once
// answered (v2 errors in another shape, null where the spec has no null,
// an error status of 0), and a property the spec does not list, a URL that
// is not one and a timestamp that is not RFC 3339.
func TestResponseCheckRefusesTheOldDeviations(t *testing.T) {
	v := newResponseCheck(t, emulator.Generate(emulator.GenerateOptions{Seed: 1, Conversations: 1}), emulator.Options{})
	conversation := `{"id":"c","accountId":"AC00000000000000000000000000000001","configurationId":"k","status":"ACTIVE","name":null,` +
		`"createdAt":"2025-01-06T09:00:00Z","updatedAt":"2025-01-06T09:00:00Z"`
	participant := `{"id":"p","conversationId":"c","accountId":"AC00000000000000000000000000000001","name":null,"type":"CUSTOMER",` +
		`"createdAt":"2025-01-06T09:00:00Z","updatedAt":"2025-01-06T09:00:00Z"`
	v1meta := `"meta":{"first_page_url":"%s","key":"services","next_page_url":null,"page":0,"page_size":50,"previous_page_url":null,"url":"https://conversations.twilio.com/v1/Services"}`
	for _, tc := range []struct {
		path   string
		status int
		body   string
		want   string
	}{
		{"/v2/Conversations/c", 404, `{"code":20404,"message":"not found","httpStatusCode":404,"params":{},"userError":true}`,
			"error body has [code httpStatusCode message params userError], the spec's error has [code message more_info status]"},
		{"/v1/Services", 404, `{"code":20404,"message":"not found","more_info":"https://www.twilio.com/docs/errors/20404","status":0}`,
			"error body's status is 0, the HTTP status 404"},
		{"/v2/Conversations", 200, `{"conversations":[` + conversation + `}],"meta":{"key":"conversations","pageSize":1,"nextToken":null,"previousToken":null}}`,
			`Error at "/meta/nextToken": Value is not nullable`},
		{"/v2/Conversations/c/Participants", 200, `{"participants":[` + participant + `,"profileId":null}],"meta":{"key":"participants","pageSize":1}}`,
			`Error at "/participants/0/profileId": Value is not nullable`},
		{"/v2/Conversations/c", 200, conversation + `,"configuration":{"description":null}}`,
			`Error at "/configuration/description": Value is not nullable`},
		{"/v2/Conversations/c", 200, conversation + `,"mood":"calm"}`, "property mood is not in the spec"},
		{"/v2/Conversations/c", 200, strings.Replace(conversation, "2025-01-06T09:00:00Z", "2025-01-06 09:00", 1) + `}`, `"date-time"`},
		{"/v1/Services", 200, `{"services":[],` + fmt.Sprintf(v1meta, "/v1/Services?Page=0") + `}`, "not an absolute URL"},
	} {
		req := httptest.NewRequest(http.MethodGet, "http://conversations.emulator.test"+tc.path, nil)
		problems := strings.Join(v.check(req, tc.status, http.Header{"Content-Type": {"application/json"}}, []byte(tc.body)), "\n")
		if !strings.Contains(problems, tc.want) {
			t.Errorf("%s %d %s: the check found\n%s\nwant %q", tc.path, tc.status, tc.body, problems, tc.want)
		}
	}
}
