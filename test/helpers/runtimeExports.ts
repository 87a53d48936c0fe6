// What the generated root index exports besides the model's own names: the
// request runtime, the client and the validation runtime.
export const RUNTIME_EXPORTS = [
  ...['buildRequest', 'countOf', 'DotSegmentError', 'expandUrl', 'mergeHeaders', 'pathSegment', 'withQuery', 'Binary', 'CollectionResponse', 'HttpMethod', 'HttpRequest'],
  ...['ODataQuery', 'RequestHeaders', 'RequestInput', 'ResponseInfo', 'ResponseKind', 'ResponseOf', 'UrlPiece', 'ValueResponse'],
  ...['createClient', 'GraphError', 'ResponseValidationError', 'ClientOptions', 'FetchLike', 'FetchResponse', 'GraphClient', 'ResponseValidator'],
  ...['withUrl', 'responseValidation', 'FetchInit', 'FetchRequest', 'GraphInnerError', 'Middleware', 'PageIterator', 'ResponseCheck', 'ResponseIssue', 'SendOptions'],
  ...['validatorsByType', 'ValidatorsByType', 'ValidationIssue', 'ValidationOptions', 'ValidationResult'],
];
