module github.com/seed3f0d1ece/terraform-provider-twilio/bench

go 1.26.0

replace github.com/seed3f0d1ece/terraform-provider-twilio => ../

require (
	github.com/seed3f0d1ece/terraform-provider-twilio v0.0.0-00010101000000-000000000000
	github.com/twilio/twilio-go v1.31.0
)

require (
	github.com/davecgh/go-spew v1.1.2-0.20180830191138-d8f796af33cc // indirect
	github.com/golang-jwt/jwt/v5 v5.2.2 // indirect
	github.com/golang/mock v1.6.0 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/pmezard/go-difflib v1.0.1-0.20181226105442-5d4384ee4fb2 // indirect
	github.com/stretchr/testify v1.10.0 // indirect
)
