package provider

import "github.com/hashicorp/terraform-plugin-framework/diag"

// diagPath is the attribute a diagnostic points at, or "".
func diagPath(d diag.Diagnostic) string {
	if wp, ok := d.(diag.DiagnosticWithPath); ok {
		return wp.Path().String()
	}
	return ""
}
