#pragma once

// The payloads of the webhook processing tests, in the providers' real shapes, by number.
namespace WebhookPayloads {

const char *at(int index);

} // namespace WebhookPayloads
