hub_add_test(tst_mailchimp SOURCES connectors/services/tst_mailchimp.cpp connectors/services/fakemailchimp.h connectors/services/fakemailchimp.cpp LIBS hub_connectors)
