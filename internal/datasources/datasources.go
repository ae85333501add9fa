// Package datasources holds the provider's data sources, one file each: its
// schema, its model and the mapping from the client's API types to the model.
package datasources

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/validate"
)

// All lists the data sources of the provider.
func All() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewConversationsDataSource,
		NewParticipantsDataSource,
		NewUserConversationsDataSource,
		NewParticipantConversationsDataSource,
		NewConversationDataSource,
		NewConfigurationsDataSource,
		NewConfigurationDataSource,
		NewServicesDataSource,
		NewUsersDataSource,
		NewParticipantDataSource,
		NewCommunicationsDataSource,
		NewCommunicationDataSource,
		NewAddressConfigurationsDataSource,
		NewAddressConfigurationDataSource,
		NewAccountConfigurationDataSource,
		NewConfigurationWebhookDataSource,
		NewCredentialsDataSource,
		NewCredentialDataSource,
		NewConversationsV1DataSource,
		NewConversationV1DataSource,
		NewParticipantsV1DataSource,
		NewParticipantV1DataSource,
		NewMessagesV1DataSource,
		NewMessageV1DataSource,
		NewConversationWebhooksV1DataSource,
		NewConversationWebhookV1DataSource,
		NewRolesDataSource,
		NewRoleDataSource,
		NewServiceDataSource,
		NewServiceConfigurationDataSource,
		NewServiceNotificationDataSource,
		NewServiceWebhookConfigurationDataSource,
		NewBindingsDataSource,
		NewBindingDataSource,
		NewUserDataSource,
	}
}

// configured is what every data source embeds: the client the provider
// configured, which its Configure takes from the provider's data.
type configured struct {
	client *client.Client
}

// Configure takes the client out of the provider's data. Before the
// provider is configured (validation), that is nil, and so is the client.
func (c *configured) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	cl, ok := req.ProviderData.(*client.Client)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *client.Client, got %T. This is a bug in the provider; please report it.", req.ProviderData))
		return
	}
	c.client = cl
}

// unconfigured reports a read before the provider handed over its client,
// which would otherwise have no client to read with.
func (c *configured) unconfigured() diag.Diagnostics {
	var diags diag.Diagnostics
	if c.client == nil {
		diags.AddError("Twilio provider not configured",
			"A data source was read before the provider was configured. This is a bug in Terraform or the provider; please report it.")
	}
	return diags
}

// listInputs are the attributes every list data source has besides its
// own inputs, its list and its counts.
type listInputs struct {
	ID           types.String   `tfsdk:"id"`
	PageSize     types.Number   `tfsdk:"page_size"`
	MaxItems     types.Number   `tfsdk:"max_items"`
	IncludeItems types.Bool     `tfsdk:"include_items"`
	Total        types.Int64    `tfsdk:"total"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// oneAttributes is the schema of a single lookup: the object's attributes
// at the top level, its id required, and timeouts.
func oneAttributes(ctx context.Context, attrs map[string]schema.Attribute, id string) map[string]schema.Attribute {
	attrs["id"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: id,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["timeouts"] = timeoutsAttribute(ctx)
	return attrs
}

// maxItemsLimit bounds max_items: more items than a read can hold.
const maxItemsLimit = 1_000_000_000

// whole is a number input that its validator proved whole and in range;
// null is 0.
func whole(n types.Number) int {
	if n.IsNull() || n.IsUnknown() {
		return 0
	}
	i, _ := n.ValueBigFloat().Int64()
	return int(i)
}

// defaultReadTimeout bounds a read whose timeouts.read is not set.
const defaultReadTimeout = 20 * time.Minute

// listAttributes are the attributes of listInputs, and countsAttr, when
// given, a map from each value of what is counted to its number of items.
func listAttributes(ctx context.Context, maxPageSize int, countsAttr, counted string) map[string]schema.Attribute {
	stored := "`total` is"
	if countsAttr != "" {
		stored = "`total` and `" + countsAttr + "` are"
	}
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: idDescription,
		},
		"page_size": schema.NumberAttribute{
			Optional: true,
			MarkdownDescription: fmt.Sprintf("Items asked for per request, from 1 to %d. Defaults to %d, the endpoint's maximum, so that a read makes as few requests as possible; "+
				"there is rarely a reason to lower it.", maxPageSize, maxPageSize),
			Validators: []validator.Number{validate.Check(fmt.Sprintf("must be a whole number from 1 to %d", maxPageSize), validate.WholeNumber(1, int64(maxPageSize)))},
		},
		"max_items": schema.NumberAttribute{
			Optional:            true,
			MarkdownDescription: fmt.Sprintf("Stop after this many matching items, the first ones in the API's order, from 1 to %d. Without it, every page is read.", maxItemsLimit),
			Validators:          []validator.Number{validate.Check(fmt.Sprintf("must be a whole number from 1 to %d", maxItemsLimit), validate.WholeNumber(1, maxItemsLimit))},
		},
		"include_items": schema.BoolAttribute{
			Optional:            true,
			MarkdownDescription: "Whether the items are stored. Default `true`. With `false`, the list is null and only " + stored + " stored: an audit that needs only counts keeps a large account out of state.",
		},
		"total": schema.Int64Attribute{
			Computed:            true,
			MarkdownDescription: "How many matching items were read, after filters and `max_items`.",
		},
		"timeouts": timeoutsAttribute(ctx),
	}
	if countsAttr != "" {
		attrs[countsAttr] = schema.MapAttribute{
			Computed:            true,
			ElementType:         types.Int64Type,
			MarkdownDescription: "How many matching items have each " + counted + ", by value: every value seen, new ones included; items whose value is null count under `\"\"`.",
		}
	}
	return attrs
}

// timeoutsAttribute is the timeouts input, with its read timeout.
func timeoutsAttribute(ctx context.Context) schema.Attribute {
	a := timeouts.AttributesWithOpts(ctx, timeouts.Opts{
		ReadDescription: fmt.Sprintf("How long the whole read may take, every page, retry and wait for a rate limit included, as a positive Go duration such as `30s` or `1h`. Default `%s`.", shortDuration(defaultReadTimeout)),
	})
	// A zero or negative read timeout is refused at plan time: it could
	// only fail the read later, with a message about a timeout.
	a, err := validate.ReadTimeout(a)
	if err != nil {
		panic("datasources: " + err.Error()) // the timeouts module changed its attribute's shape
	}
	if t, ok := a.(schema.SingleNestedAttribute); ok {
		t.MarkdownDescription = "Time limits of this lookup: `read`. When it runs out, the read fails and nothing is stored."
		return t
	}
	return a
}

// shortDuration is d as a user writes it: 20m, not 20m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// idDescription describes the id of a list lookup.
const idDescription = "Identifier of this lookup, derived from its inputs and filters. Inputs that may be personal or secret data " +
	"(identities, addresses, unique names, metadata values, name patterns) do not appear in it: a keyed digest of them does " +
	"(`inputs_digest`, the same for the same inputs and credentials), as Terraform prints `id` in every plan."

// personal says whether an input, by its key in a lookup's id, may hold
// personal or secret data, which Terraform would print in every plan.
func personal(key string) bool {
	switch key {
	case "identity", "address", "name_regex", "conversation_unique_name":
		return true
	}
	return strings.HasPrefix(key, "metadata.")
}

// lookupID derives a stable identifier from a lookup's inputs. Personal
// inputs are replaced by a keyed digest of them.
func (c *configured) lookupID(kind string, q url.Values, maxItems types.Number) string {
	if n := whole(maxItems); n > 0 {
		q.Set("max_items", strconv.Itoa(n))
	}
	hidden := url.Values{}
	for k, vs := range q {
		if personal(k) {
			hidden[k] = vs
			delete(q, k)
		}
	}
	if len(hidden) > 0 {
		q.Set("inputs_digest", c.client.Fingerprint([]byte(hidden.Encode())))
	}
	if len(q) == 0 {
		return kind
	}
	return kind + "?" + q.Encode()
}

// addListError reports a failed listing: which page, the HTTP status,
// Twilio's code, message and more_info link, and what to do about it.
// notFound names the looked-up object for a 404 ("conversation \"conv_…\"").
func addListError(diags *diag.Diagnostics, typeName string, err error, notFound string) {
	summary := "Unable to read " + typeName
	detail := err.Error()
	var apiErr *client.Error
	var pageErr *client.PageError
	laterPage := errors.As(err, &pageErr) && pageErr.Page > 1
	if errors.As(err, &apiErr) {
		switch {
		case apiErr.NotFound() && laterPage:
			detail += fmt.Sprintf("\n\nThe first %d pages were read, so what was looked up exists: the listing broke while it was read (a page token that expired, or an object deleted meanwhile). Run the read again.", pageErr.Page-1)
		case apiErr.NotFound() && notFound != "":
			summary = "Twilio " + notFound + " not found"
			detail = fmt.Sprintf("%s not found.\n\n%s", notFound, err)
		case apiErr.StatusCode == http.StatusUnauthorized || apiErr.StatusCode == http.StatusForbidden:
			detail += "\n\nCheck the provider's credentials (api_key and api_secret, or account_sid and auth_token) and that they may read Conversations."
		case apiErr.RateLimited():
			summary = "Twilio rate limit: " + summary
			detail += "\n\nTwilio kept answering 429 Too Many Requests (rate limited) until retries were spent. Raise max_retries, set requests_per_second, or run fewer reads in parallel (terraform -parallelism)."
		case apiErr.StatusCode >= 500:
			detail += "\n\nTwilio had a server error that did not clear within the retries; try again later."
		}
	}
	diags.AddError(summary, detail+"\n\nNothing was stored: a partial result is never returned.")
}

// description is a data source's documentation: what it does, the endpoint
// it reads (Markdown) and the permission that takes.
func description(what, endpoint, api string, maxPageSize int) string {
	return what + "\n\n" +
		"**Endpoint:** " + endpoint + ", every page, " + strconv.Itoa(maxPageSize) + " items a request by default.\n\n" +
		"**Permissions:** read access to " + api + ". The account's Auth Token and Standard API keys have it; " +
		"a Restricted API key needs read (GET) permission on this endpoint. Nothing is ever written."
}

// logRead records what a read cost, at Debug: the end-to-end benchmark
// reads the provider's share of a plan from it.
func logRead(ctx context.Context, typeName string, st client.Stats, start time.Time) {
	tflog.Debug(ctx, "read complete", map[string]interface{}{
		"data_source": typeName, "items": st.Items, "requests": st.Requests,
		"duration_ms": time.Since(start).Milliseconds(),
	})
}
