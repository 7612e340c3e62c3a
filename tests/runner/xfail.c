/* a known miss: the stand-in prints nothing for line 3 */
int a;
int b; /* expect: slack-write */ /* known-to-fail */
