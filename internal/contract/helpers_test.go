package contract

import (
	"context"
	"errors"
	"net/url"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/datasources"
)

// specDir is spec/, from this package's directory.
const specDir = "../../spec"

// spec is a loaded spec file and a router over its paths.
type spec struct {
	doc    *openapi3.T
	router routers.Router
}

var (
	specsOnce sync.Once
	specs     map[string]*spec
	specsErr  error
)

// loadSpecs loads every spec file once; tests must not change them (a test
// that needs a changed spec loads its own with loadSpec).
func loadSpecs(t *testing.T) map[string]*spec {
	t.Helper()
	specsOnce.Do(func() {
		specs = map[string]*spec{}
		for _, name := range []string{V1, V2} {
			var s *spec
			if s, specsErr = newSpec(name); specsErr != nil {
				return
			}
			specs[name] = s
		}
	})
	if specsErr != nil {
		t.Fatal(specsErr)
	}
	return specs
}

// loadSpec loads a spec file of its own, for a test to change.
func loadSpec(t *testing.T, name string) *spec {
	t.Helper()
	s, err := newSpec(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newSpec(name string) (*spec, error) {
	doc, err := LoadSpec(specDir, name)
	if err != nil {
		return nil, err
	}
	// The specs name Twilio's host as their server; the router should
	// match requests to the emulator, on any host.
	doc.Servers = nil
	for _, item := range doc.Paths.Map() {
		item.Servers = nil
	}
	// "uri" is a format the specs use for every URL Twilio returns; the
	// validator knows only date-time by itself.
	doc.SetStringFormatValidator("uri", openapi3.NewCallbackValidator(func(s string) error {
		u, err := url.Parse(s)
		if err != nil {
			return err
		}
		if u.Scheme == "" || u.Host == "" {
			return errors.New("not an absolute URL")
		}
		return nil
	}))
	r, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, err
	}
	return &spec{doc: doc, router: r}, nil
}

// dataSources are the provider's data sources by type name, with their
// schemas.
func dataSources(t *testing.T) map[string]schema.Schema {
	t.Helper()
	ctx := context.Background()
	out := map[string]schema.Schema{}
	for _, newDS := range datasources.All() {
		ds := newDS()
		var md datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "twilio"}, &md)
		var sr datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &sr)
		if sr.Diagnostics.HasError() {
			t.Fatalf("%s: %v", md.TypeName, sr.Diagnostics)
		}
		out[md.TypeName] = sr.Schema
	}
	return out
}

// endpoint is the row of a data source.
func endpoint(t *testing.T, dataSource string) Endpoint {
	t.Helper()
	for _, ep := range Endpoints {
		if ep.DataSource == dataSource {
			return ep
		}
	}
	t.Fatalf("no row for %s", dataSource)
	return Endpoint{}
}
