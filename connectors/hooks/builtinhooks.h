#pragma once

// Registers the stream hooks the built-in connectors name. Called by ConnectorRegistry
// before any manifest is read; registering twice is harmless.
namespace BuiltInHooks {

void registerAll();

} // namespace BuiltInHooks
