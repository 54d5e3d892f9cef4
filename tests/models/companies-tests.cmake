# Companies across tools: matching, splits and merges, the tree model, the companies command.
hub_add_test(tst_companies SOURCES models/tst_companies.cpp)
hub_add_test(tst_companiescli SOURCES app/tst_companiescli.cpp)
