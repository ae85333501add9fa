terraform {
  required_providers {
    twilio = {
      source  = "seed3f0d1ece/twilio"
      version = "~> 0.1"
    }
  }
}

# Preferred: an API key, here from TWILIO_API_KEY and TWILIO_API_SECRET.
provider "twilio" {}

# Or explicitly, for example from variables:
provider "twilio" {
  alias      = "explicit"
  api_key    = var.twilio_api_key
  api_secret = var.twilio_api_secret
}

variable "twilio_api_key" {
  type = string
}

variable "twilio_api_secret" {
  type      = string
  sensitive = true
}
