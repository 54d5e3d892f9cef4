#pragma once

#include "command.h"

// product-hub features: the features of a workspace and what is linked to them.
class FeaturesCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("features"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

private:
    int list(const QStringList &arguments, const CommandContext &context);
    int autoLink(const QStringList &arguments, const CommandContext &context);
    int link(const QStringList &arguments, const CommandContext &context, bool unlink);
    int merge(const QStringList &arguments, const CommandContext &context, bool apart);
    int unlinked(const QStringList &arguments, const CommandContext &context);
};

// product-hub currency: exchange rates for reports.
class CurrencyCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("currency"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;
};
