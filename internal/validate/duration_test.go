package validate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

const positiveRule = "must be a positive duration such as 30s or 10m"

func TestPositiveDuration(t *testing.T) {
	ctx := context.Background()
	p := path.Root("timeouts").AtName("read")
	for value, ok := range map[string]bool{
		"30s": true, "10m": true, "1h30m": true, "1ns": true, "0.5s": true,
		"0s": false, "0": false, "-5m": false, "-1ns": false, "soon": false, "": false, "5": false,
	} {
		resp := &validator.StringResponse{}
		validate.PositiveDuration().ValidateString(ctx, validator.StringRequest{Path: p, ConfigValue: types.StringValue(value)}, resp)
		if got := !resp.Diagnostics.HasError(); got != ok {
			t.Errorf("%q: accepted %v, want %v: %v", value, got, ok, resp.Diagnostics)
			continue
		}
		if !ok {
			d := resp.Diagnostics.Errors()[0]
			if !strings.Contains(d.Detail(), "timeouts.read "+positiveRule) {
				t.Errorf("%q: detail %q lacks the attribute and the rule", value, d.Detail())
			}
			if wp, isPath := d.(interface{ Path() path.Path }); !isPath || !wp.Path().Equal(p) {
				t.Errorf("%q: the error does not point at timeouts.read", value)
			}
		}
		if err := validate.IsPositiveDuration(value); (err == nil) != ok {
			t.Errorf("%q: the check says %v, the validator %v", value, err, ok)
		}
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		resp := &validator.StringResponse{}
		validate.PositiveDuration().ValidateString(ctx, validator.StringRequest{Path: p, ConfigValue: v}, resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%v: %v", v, resp.Diagnostics)
		}
	}
}

// timeoutsDataSource has the timeouts attribute as the data sources
// declare it, through ReadTimeout.
type timeoutsDataSource struct{}

func (timeoutsDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "test_lookup"
}

func (timeoutsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	a, err := validate.ReadTimeout(timeouts.AttributesWithOpts(ctx, timeouts.Opts{ReadDescription: "How long the read may take."}))
	if err != nil {
		resp.Diagnostics.AddError("timeouts", err.Error())
	}
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{"timeouts": a}}
}

func (timeoutsDataSource) Read(context.Context, datasource.ReadRequest, *datasource.ReadResponse) {}

type testProvider struct{}

func (testProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "test"
}
func (testProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}
func (testProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}
func (testProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{func() datasource.DataSource { return timeoutsDataSource{} }}
}
func (testProvider) Resources(context.Context) []func() resource.Resource { return nil }

// What Terraform does at plan time, ValidateDataResourceConfig, refuses a
// timeouts.read of zero or less on the attribute, once; and ReadTimeout
// finds the attribute where the timeouts package puts it, which is what
// this test pins when that package changes.
func TestReadTimeoutRefusedAtPlan(t *testing.T) {
	ctx := context.Background()
	server := providerserver.NewProtocol6(testProvider{})()
	readType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"read": tftypes.String}}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"timeouts": readType}}
	for name, tc := range map[string]struct {
		timeouts tftypes.Value
		errs     int
		detail   string
	}{
		"30s":          {tftypes.NewValue(readType, map[string]tftypes.Value{"read": tftypes.NewValue(tftypes.String, "30s")}), 0, ""},
		"no timeouts":  {tftypes.NewValue(readType, nil), 0, ""},
		"no read":      {tftypes.NewValue(readType, map[string]tftypes.Value{"read": tftypes.NewValue(tftypes.String, nil)}), 0, ""},
		"unknown read": {tftypes.NewValue(readType, map[string]tftypes.Value{"read": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}), 0, ""},
		"0s":           {tftypes.NewValue(readType, map[string]tftypes.Value{"read": tftypes.NewValue(tftypes.String, "0s")}), 1, `timeouts.read ` + positiveRule + `: "0s" is not positive`},
		"-5m":          {tftypes.NewValue(readType, map[string]tftypes.Value{"read": tftypes.NewValue(tftypes.String, "-5m")}), 1, `timeouts.read ` + positiveRule + `: "-5m" is not positive`},
		"soon":         {tftypes.NewValue(readType, map[string]tftypes.Value{"read": tftypes.NewValue(tftypes.String, "soon")}), 1, `timeouts.read ` + positiveRule + `: time: invalid duration "soon"`},
	} {
		t.Run(name, func(t *testing.T) {
			config, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, map[string]tftypes.Value{"timeouts": tc.timeouts}))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := server.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: "test_lookup", Config: &config})
			if err != nil {
				t.Fatal(err)
			}
			var errs []*tfprotov6.Diagnostic
			for _, d := range resp.Diagnostics {
				if d.Severity == tfprotov6.DiagnosticSeverityError {
					errs = append(errs, d)
				}
			}
			if len(errs) != tc.errs {
				for _, d := range errs {
					t.Logf("%v: %s: %s", d.Attribute, d.Summary, d.Detail)
				}
				t.Fatalf("%d errors, want %d", len(errs), tc.errs)
			}
			for _, d := range errs {
				if !d.Attribute.Equal(tftypes.NewAttributePath().WithAttributeName("timeouts").WithAttributeName("read")) || d.Detail != tc.detail {
					t.Errorf("error on %v: %q, want on timeouts.read: %q", d.Attribute, d.Detail, tc.detail)
				}
			}
		})
	}
}

// ReadTimeout says so when it is given something else than the timeouts
// package's attribute, rather than leaving read unchecked in silence.
func TestReadTimeoutRefusesOtherShapes(t *testing.T) {
	for _, a := range []schema.Attribute{
		schema.StringAttribute{Optional: true},
		schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{"read": schema.Int64Attribute{Optional: true}}},
	} {
		if _, err := validate.ReadTimeout(a); err == nil {
			t.Errorf("%T accepted", a)
		}
	}
}
