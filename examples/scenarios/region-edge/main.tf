# Data residency: read conversations held in Ireland, through the Dublin edge.
# Requests go to https://conversations.dublin.ie1.twilio.com.

terraform {
  required_providers {
    twilio = {
      source  = "seed3f0d1ece/twilio"
      version = "~> 0.1"
    }
  }
}

provider "twilio" {
  region = "ie1"
  edge   = "dublin" # optional: without it, ie1 uses its default edge, dublin
}

# A second account in Australia, next to the default (US) one.
provider "twilio" {
  alias  = "au"
  region = "au1" # edge defaults to sydney
}

data "twilio_conversations" "ie" {}

data "twilio_conversations" "au" {
  provider = twilio.au
}

output "conversations_per_region" {
  value = {
    ie1 = length(data.twilio_conversations.ie.conversations)
    au1 = length(data.twilio_conversations.au.conversations)
  }
}
