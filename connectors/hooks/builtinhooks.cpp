#include "builtinhooks.h"

#include "marketohook.h"
#include "mondayhook.h"
#include "qualtricshook.h"

#include <mutex>

// One registration function per service that needs code, defined beside its hook.
// (Static registration objects would be dropped by the linker from a static library.)
namespace BuiltInHooks {

void registerAll()
{
    static std::once_flag once;
    std::call_once(once, [] {
        registerMondayHooks();
        registerQualtricsHooks();
        registerMarketoHooks();
    });
}

} // namespace BuiltInHooks
