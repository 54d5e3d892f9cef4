#include "connectormanifest.h"

QString SettingSpec::typeName(Type type)
{
    switch (type) {
    case Type::String:
        return QStringLiteral("string");
    case Type::List:
        return QStringLiteral("list");
    case Type::Url:
        return QStringLiteral("url");
    case Type::Integer:
        return QStringLiteral("integer");
    case Type::Boolean:
        return QStringLiteral("boolean");
    }
    return {};
}

QString AuthSpec::typeName(Type type)
{
    switch (type) {
    case Type::None:
        return QStringLiteral("none");
    case Type::Bearer:
        return QStringLiteral("bearer");
    case Type::Header:
        return QStringLiteral("header");
    case Type::Basic:
        return QStringLiteral("basic");
    case Type::Query:
        return QStringLiteral("query");
    case Type::OAuth2:
        return QStringLiteral("oauth2");
    case Type::ClientCredentials:
        return QStringLiteral("clientCredentials");
    }
    return {};
}

QString PaginationSpec::typeName(Type type)
{
    switch (type) {
    case Type::None:
        return QStringLiteral("none");
    case Type::LinkHeader:
        return QStringLiteral("linkHeader");
    case Type::Cursor:
        return QStringLiteral("cursor");
    case Type::NextUrl:
        return QStringLiteral("nextUrl");
    case Type::Offset:
        return QStringLiteral("offset");
    case Type::PageNumber:
        return QStringLiteral("page");
    case Type::GraphQL:
        return QStringLiteral("graphql");
    }
    return {};
}

const SettingSpec *ConnectorManifest::setting(const QString &name) const
{
    for (const SettingSpec &s : settings) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

const StreamSpec *ConnectorManifest::stream(const QString &name) const
{
    for (const StreamSpec &s : streams) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

QStringList ConnectorManifest::secretNames() const
{
    switch (auth.type) {
    case AuthSpec::Type::None:
        return {};
    case AuthSpec::Type::OAuth2:
        return {QStringLiteral("token"), QStringLiteral("refresh_token"),
                QStringLiteral("client_secret")};
    case AuthSpec::Type::Bearer:
    case AuthSpec::Type::Header:
    case AuthSpec::Type::Basic:
    case AuthSpec::Type::Query:
    case AuthSpec::Type::ClientCredentials:
        break;
    }
    return {QStringLiteral("token")};
}
