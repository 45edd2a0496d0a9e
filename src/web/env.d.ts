declare const __FIREDRILL_TEST__: boolean;
