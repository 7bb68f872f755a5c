"""Discovery: which links on a portal lead to articles and which to listings, learnt or given."""
