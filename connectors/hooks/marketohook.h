#pragma once

#include "engine/streamhook.h"

// Marketo's asset API (programs) answers in two ways the manifest cannot read:
// - dates such as "2015-05-21T22:45:13Z+0000" (a "Z" and an offset both): the offset is
//   dropped, keeping the UTC time;
// - a page past the last one is {"success":true,"warnings":["No assets found for the given
//   search criteria."]} without "result": it becomes an empty page.
// Program tags come back as [{"tagType","tagValue"}]; the value of the tag type named by the
// source's "launch_tag_type" setting is copied to "launchTag", where a mapping can take it.
class MarketoProgramsHook : public StreamHook
{
public:
    bool prepareRequest(HttpRequest &request, const Source &source, const StreamSpec &stream,
                        QString *error) override;
    bool transformBody(QByteArray &body, QString *error) override;

private:
    QString m_tagType;
};

void registerMarketoHooks();
