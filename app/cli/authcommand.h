#pragma once

#include "command.h"

// product-hub auth set|login|status|clear NAME: a source's credentials, in the keychain only.
class AuthCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("auth"); }
    QString summary() const override;
    QStringList usage() const override;
    int run(const QStringList &arguments, const CommandContext &context) override;

private:
    int set(const QStringList &arguments, const CommandContext &context);
    int login(const QStringList &arguments, const CommandContext &context);
    int status(const QStringList &arguments, const CommandContext &context);
    int clear(const QStringList &arguments, const CommandContext &context);
};
