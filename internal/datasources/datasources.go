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
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/seed3f0d1ece/terraform-provider-twilio/internal/client"
)

// All lists the data sources of the provider.
func All() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewConversationsDataSource,
		NewParticipantsDataSource,
		NewUserConversationsDataSource,
		NewParticipantConversationsDataSource,
	}
}

// clientFrom turns the provider's ProviderData into the client. Before the
// provider is configured (validation), ProviderData is nil and so is the
// result.
func clientFrom(providerData any, diags *diag.Diagnostics) *client.Client {
	if providerData == nil {
		return nil
	}
	c, ok := providerData.(*client.Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *client.Client, got %T. This is a bug in the provider; please report it.", providerData))
		return nil
	}
	return c
}

// pagingAttributes are the page_size and max_items inputs of every data source.
func pagingAttributes(maxPageSize int) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"page_size": schema.Int64Attribute{
			Optional: true,
			MarkdownDescription: fmt.Sprintf("Items asked for per request, from 1 to %d. Defaults to %d, the endpoint's maximum, so that a read makes as few requests as possible; "+
				"there is rarely a reason to lower it.", maxPageSize, maxPageSize),
			Validators: []validator.Int64{int64validator.Between(1, int64(maxPageSize))},
		},
		"max_items": schema.Int64Attribute{
			Optional:            true,
			MarkdownDescription: "Stop after this many items, the first ones in the API's order. Without it, every page is read.",
			Validators:          []validator.Int64{int64validator.AtLeast(1)},
		},
	}
}

func idAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: "Identifier of this lookup, derived from its inputs.",
	}
}

func listOptions(pageSize, maxItems types.Int64) client.ListOptions {
	return client.ListOptions{PageSize: int(pageSize.ValueInt64()), MaxItems: int(maxItems.ValueInt64())}
}

// lookupID derives a stable identifier from a lookup's inputs.
func lookupID(kind string, q url.Values, maxItems types.Int64) string {
	if !maxItems.IsNull() {
		q.Set("max_items", strconv.FormatInt(maxItems.ValueInt64(), 10))
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
	if errors.As(err, &apiErr) {
		switch {
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
	diags.AddError(summary, detail+"\n\nNothing was stored: a partial list is never returned.")
}

// description is a data source's documentation: what it does, the endpoint
// it reads and the permission that takes.
func description(what, endpoint, api string, maxPageSize int) string {
	return what + "\n\n" +
		"**Endpoint:** `" + endpoint + "`, every page, " + strconv.Itoa(maxPageSize) + " items a request by default.\n\n" +
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
