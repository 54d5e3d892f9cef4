#pragma once

#include <QLoggingCategory>

// One logging category per area of the models layer.
Q_DECLARE_LOGGING_CATEGORY(hubDb)
Q_DECLARE_LOGGING_CATEGORY(hubDemo)
