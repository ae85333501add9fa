package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/datasources"
)

// NewServer returns the provider's protocol 6 server. Every RPC but
// ReadDataSource is the framework's: schemas, validation, provider
// configuration. ReadDataSource of a datasources.StateReader returns the
// state the data source wrote, as it wrote it: the framework would decode
// it into a tree of values, compare, copy and encode that tree again, which
// for a large listing costs many times the read itself.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		p := &twilioProvider{version: version}
		s := &server{ProviderServer: providerserver.NewProtocol6(p)(), provider: p, dataSources: map[string]func() datasource.DataSource{}}
		for _, newDS := range p.DataSources(context.Background()) {
			var md datasource.MetadataResponse
			newDS().Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: typeName}, &md)
			s.dataSources[md.TypeName] = newDS
		}
		return s
	}
}

type server struct {
	tfprotov6.ProviderServer
	provider    *twilioProvider
	dataSources map[string]func() datasource.DataSource
}

func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	newDS, ok := s.dataSources[req.TypeName]
	if !ok {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	ds, ok := newDS().(datasources.StateReader)
	if !ok {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	var diags diag.Diagnostics
	c := s.provider.client.Load()
	if c == nil {
		diags.AddError("Twilio provider not configured", "The provider was not configured before "+req.TypeName+" was read. This is a bug in Terraform or the provider; please report it.")
		return &tfprotov6.ReadDataSourceResponse{Diagnostics: toProto(diags)}, nil
	}
	var sr datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &sr)
	config, err := req.Config.Unmarshal(sr.Schema.Type().TerraformType(ctx))
	if err != nil {
		diags.AddError("Unable to read configuration", err.Error())
		return &tfprotov6.ReadDataSourceResponse{Diagnostics: toProto(diags)}, nil
	}
	if dc, ok := ds.(datasource.DataSourceWithConfigure); ok {
		var cr datasource.ConfigureResponse
		dc.Configure(ctx, datasource.ConfigureRequest{ProviderData: c}, &cr)
		if diags.Append(cr.Diagnostics...); diags.HasError() {
			return &tfprotov6.ReadDataSourceResponse{Diagnostics: toProto(diags)}, nil
		}
	}
	state, readDiags := ds.ReadState(ctx, tfsdk.Config{Raw: config, Schema: sr.Schema})
	diags.Append(readDiags...)
	resp := &tfprotov6.ReadDataSourceResponse{Diagnostics: toProto(diags)}
	if !diags.HasError() {
		resp.State = &tfprotov6.DynamicValue{MsgPack: state}
	}
	return resp, nil
}

// toProto converts diagnostics as the framework does.
func toProto(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		pd := &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityWarning, Summary: d.Summary(), Detail: d.Detail()}
		if d.Severity() == diag.SeverityError {
			pd.Severity = tfprotov6.DiagnosticSeverityError
		}
		if dp, ok := d.(diag.DiagnosticWithPath); ok {
			pd.Attribute = attributePath(dp.Path())
		}
		out = append(out, pd)
	}
	return out
}

// attributePath is p as Terraform names attributes, for the steps an
// attribute error of a read can have.
func attributePath(p path.Path) *tftypes.AttributePath {
	ap := tftypes.NewAttributePath()
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			ap = ap.WithAttributeName(string(s))
		case path.PathStepElementKeyInt:
			ap = ap.WithElementKeyInt(int(s))
		case path.PathStepElementKeyString:
			ap = ap.WithElementKeyString(string(s))
		default:
			return nil
		}
	}
	return ap
}
