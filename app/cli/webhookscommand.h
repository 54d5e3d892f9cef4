#pragma once

#include "command.h"

#include <QCoreApplication>

// product-hub webhooks: the local webhook receiver, its secrets and its journal.
class WebhooksCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(WebhooksCommand)

public:
    QString name() const override { return QStringLiteral("webhooks"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

private:
    int serve(const QStringList &arguments, const CommandContext &context);
    int secret(const QStringList &arguments, const CommandContext &context);
    int list(const QStringList &arguments, const CommandContext &context);
    int replay(const QStringList &arguments, const CommandContext &context);
};
