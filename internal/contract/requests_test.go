package contract

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/emulator"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/provider"
)

func TestMain(m *testing.M) {
	// Nothing from the environment configures the provider here.
	for _, k := range []string{"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_REGION", "TWILIO_EDGE", "TWILIO_BASE_URL"} {
		os.Unsetenv(k)
	}
	os.Exit(m.Run())
}

// Every request a data source makes, read through the provider's own
// protocol server against the emulator, is a GET of one of its row's
// paths, with query parameters the spec's operation has, spelled as the
// spec spells them, and values and path segments the spec accepts. The
// reads of each row reach every one of its paths.
func TestRequestsAreTheSpecs(t *testing.T) {
	specs := loadSpecs(t)
	data := emulator.Generate(emulator.DefaultGenerateOptions)
	emu, err := emulator.New(data, emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(emu)
	t.Cleanup(hs.Close)
	ps := provider.NewServer("test")()
	typesOf := configure(t, ps, hs.URL)

	for _, ep := range Endpoints {
		t.Run(ep.DataSource, func(t *testing.T) {
			sp := specs[ep.Spec]
			reached := map[string]bool{}
			for i, read := range ep.Reads {
				before := len(emu.Requests())
				readDataSource(t, ps, typesOf[ep.DataSource], ep.DataSource, read, data)
				reqs := settled(t, emu)[before:]
				if len(reqs) == 0 {
					t.Errorf("read %d (%v) made no request", i, read)
				}
				for _, r := range reqs {
					path, problems := checkRequest(sp, ep, r)
					reached[path] = true
					for _, p := range problems {
						t.Errorf("read %d (%v): %s %s?%s: %s", i, read, r.Method, r.RawPath, r.RawQuery, p)
					}
				}
			}
			for _, p := range ep.Paths {
				if !reached[p] {
					t.Errorf("no read of the row reaches GET %s: add one to its Reads", p)
				}
			}
		})
	}
}

// checkRequest checks one recorded request against the spec, and returns
// the spec path it is a request of.
func checkRequest(sp *spec, ep Endpoint, r emulator.Request) (string, []string) {
	req, err := http.NewRequest(r.Method, "http://emulator"+r.RawPath+"?"+r.RawQuery, nil)
	if err != nil {
		return "", []string{err.Error()}
	}
	route, pathParams, err := sp.router.FindRoute(req)
	if err != nil {
		return "", []string{fmt.Sprintf("no operation of the spec: %v", err)}
	}
	var problems []string
	if r.Method != http.MethodGet {
		problems = append(problems, "a data source only reads: "+r.Method)
	}
	if !slices.Contains(ep.Paths, route.Path) {
		problems = append(problems, fmt.Sprintf("GET %s is not one of the row's paths %v", route.Path, ep.Paths))
	}
	params := Parameters(sp.doc, route.Path)
	var query []string
	for name, p := range params {
		if p.In == "query" {
			query = append(query, name)
		}
	}
	slices.Sort(query)
	for name := range r.Query {
		if p, ok := params[name]; ok && p.In == "query" {
			continue
		}
		msg := fmt.Sprintf("query parameter %q is not one GET %s takes (%s)", name, route.Path, strings.Join(query, ", "))
		for _, q := range query {
			if strings.EqualFold(q, name) {
				msg += fmt.Sprintf("; the spec spells it %q", q)
			}
		}
		problems = append(problems, msg)
	}
	err = openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request: req, PathParams: pathParams, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true, SchemaValidationOptions: sp.doc.GetSchemaValidationOptions()},
	})
	if err != nil {
		problems = append(problems, "the spec refuses it: "+err.Error())
	}
	return route.Path, problems
}

// settled is every request the emulator received, once each is recorded:
// it records a request after answering it.
func settled(t *testing.T, emu *emulator.Server) []emulator.Request {
	t.Helper()
	for range 500 {
		if reqs := emu.Requests(); len(reqs) == emu.RequestCount() {
			return reqs
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("the emulator did not record every request")
	return nil
}

// configure configures provider server ps for the emulator at url, and
// returns the types of its data sources.
func configure(t *testing.T, ps tfprotov6.ProviderServer, url string) map[string]tftypes.Type {
	t.Helper()
	ctx := context.Background()
	schemas, err := ps.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		t.Fatalf("schema: %v %v", err, schemas.Diagnostics)
	}
	cfg := dynamic(t, schemas.Provider.ValueType(), map[string]tftypes.Value{
		"account_sid": tftypes.NewValue(tftypes.String, emulator.DefaultUsername),
		"auth_token":  tftypes.NewValue(tftypes.String, emulator.DefaultPassword),
		"base_url":    tftypes.NewValue(tftypes.String, url),
	})
	resp, err := ps.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: cfg})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("configure: %v %v", err, resp.Diagnostics)
	}
	out := map[string]tftypes.Type{}
	for name, s := range schemas.DataSourceSchemas {
		out[name] = s.ValueType()
	}
	return out
}

// readDataSource validates read as Terraform would, then reads it; either
// failing fails the test.
func readDataSource(t *testing.T, ps tfprotov6.ProviderServer, typ tftypes.Type, name string, read Read, data *emulator.Dataset) {
	t.Helper()
	ctx := context.Background()
	ot, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%s: no such data source", name)
	}
	set := map[string]tftypes.Value{}
	for k, v := range read {
		if f, ok := v.(FromData); ok {
			v = f(data)
		}
		at, ok := ot.AttributeTypes[k]
		if !ok {
			t.Fatalf("%s has no attribute %s", name, k)
		}
		tv, err := toValue(at, v)
		if err != nil {
			t.Fatalf("%s.%s: %v", name, k, err)
		}
		set[k] = tv
	}
	cfg := dynamic(t, typ, set)
	vr, err := ps.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: name, Config: cfg})
	if err != nil || hasError(vr.Diagnostics) {
		t.Fatalf("%s %v is not a valid configuration: %v %s", name, read, err, diagnostics(vr.Diagnostics))
	}
	rr, err := ps.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: name, Config: cfg})
	if err != nil || hasError(rr.Diagnostics) {
		t.Fatalf("%s %v: %v %s", name, read, err, diagnostics(rr.Diagnostics))
	}
}

// toValue is Go value v as a value of type typ.
func toValue(typ tftypes.Type, v any) (tftypes.Value, error) {
	switch v := v.(type) {
	case string, bool, int:
		if err := tftypes.ValidateValue(typ, v); err != nil {
			return tftypes.Value{}, err
		}
		return tftypes.NewValue(typ, v), nil
	case []string:
		lt, ok := typ.(tftypes.List)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("a list for a %s", typ)
		}
		vs := make([]tftypes.Value, len(v))
		for i, s := range v {
			vs[i] = tftypes.NewValue(lt.ElementType, s)
		}
		return tftypes.NewValue(typ, vs), nil
	case map[string]string:
		mt, ok := typ.(tftypes.Map)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("a map for a %s", typ)
		}
		vs := map[string]tftypes.Value{}
		for k, s := range v {
			vs[k] = tftypes.NewValue(mt.ElementType, s)
		}
		return tftypes.NewValue(typ, vs), nil
	}
	return tftypes.Value{}, fmt.Errorf("cannot express %T", v)
}

// dynamic is an object of type typ with the attributes in set and the
// others null, as Terraform sends a configuration.
func dynamic(t *testing.T, typ tftypes.Type, set map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.(tftypes.Object).AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range set {
		attrs[name] = v
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

func hasError(ds []*tfprotov6.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

func diagnostics(ds []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "\n  %s: %s", d.Summary, d.Detail)
	}
	return b.String()
}

// The request check is not vacuous: it refuses twilio-go's v2 paging
// parameters, a filter value and a path segment the spec refuses, and a
// path that is not the row's.
func TestRequestCheckRefusesWhatTheSpecRefuses(t *testing.T) {
	specs := loadSpecs(t)
	for _, tc := range []struct {
		dataSource, target string
		want               []string
	}{
		{"twilio_conversations", "/v2/Conversations?PageSize=50&PageToken=abc", []string{
			`query parameter "PageSize" is not one GET /v2/Conversations takes (channelId, pageSize, pageToken, status); the spec spells it "pageSize"`,
			`query parameter "PageToken" is not one GET /v2/Conversations takes (channelId, pageSize, pageToken, status); the spec spells it "pageToken"`,
		}},
		{"twilio_conversations", "/v2/Conversations?status=OPEN&pageSize=1001", []string{"the spec refuses it", `parameter "status"`, `parameter "pageSize"`}},
		{"twilio_conversation_users", "/v1/Services/IS1/Users?PageSize=50", []string{"the spec refuses it", `parameter "ChatServiceSid"`}},
		{"twilio_conversation_users", "/v1/Services?PageSize=50", []string{"GET /v1/Services is not one of the row's paths"}},
	} {
		u, _ := url.Parse(tc.target)
		r := emulator.Request{Method: http.MethodGet, Path: u.Path, RawPath: u.EscapedPath(), Query: u.Query(), RawQuery: u.RawQuery}
		ep := endpoint(t, tc.dataSource)
		_, problems := checkRequest(specs[ep.Spec], ep, r)
		all := strings.Join(problems, "\n")
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: the problems\n%s\ndo not say %q", tc.target, all, w)
			}
		}
	}
}
