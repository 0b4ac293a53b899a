"""Hindsight's read side: the connection to the store, metric queries over the marts,
statistics and chart builders. Used by the dashboard and by ``hindsight report``;
nothing here imports Streamlit."""
