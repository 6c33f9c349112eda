import { configure } from '@testing-library/react';

// A findBy/waitFor only turns a screen that never appears into a failure: testing-library's 1 s
// default failed a11y.spec under a loaded 2-core machine (load 8–10) while the file passes alone.
configure({ asyncUtilTimeout: 5_000 });
