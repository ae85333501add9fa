//go:build tools

// Package tools pins the development tools of the provider in their own
// module, so that they never enter the provider's dependencies.
package tools

import (
	// Documentation generation
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
	// Linting of the GitHub Actions workflows
	_ "github.com/rhysd/actionlint/cmd/actionlint"
)
