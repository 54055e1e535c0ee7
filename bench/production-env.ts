// Imported first by the benchmark: graphql-js runs extra development-only checks (instanceOf) unless
// NODE_ENV is "production", which is how the gateway is deployed.
process.env.NODE_ENV ??= 'production';
