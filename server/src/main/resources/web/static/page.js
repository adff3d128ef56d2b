// Pages with nothing of their own to do: the shared behaviour only.
import './common.js';
