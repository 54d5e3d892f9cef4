#pragma once

#include "command.h"

// product-hub report KIND: the product metrics, as a table, CSV or JSON.
class ReportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;
};
