export const id = 325;
export const ids = [325];
export const modules = {

/***/ 325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createStackEventReader: () => (/* binding */ createStackEventReader)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3805);
/* harmony import */ var _shared_abortable_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3543);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2636);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _shared_proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2297);





/**
 * Reads stack events with the CloudFormation client of the stack's own region (from its ARN).
 * Like the Config client, it takes endpoint, credentials and retry mode from the environment.
 */
function createStackEventReader(env, proxies = _shared_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .silentProxyNotices */ .R4) {
    const clients = new Map();
    const clientFor = (region) => {
        let client = clients.get(region);
        if (!client) {
            client = new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__/* .CloudFormationClient */ .m1N((0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .clientOptions */ .s1)(region, env, proxies));
            clients.set(region, client);
        }
        return client;
    };
    return {
        async read(stackArn, nextToken, signal) {
            const region = stackArn.split(':')[3] || 'us-east-1';
            const command = new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__/* .DescribeStackEventsCommand */ .Ie9({ StackName: stackArn, NextToken: nextToken });
            const out = await (0,_shared_abortable_js__WEBPACK_IMPORTED_MODULE_4__/* .abortable */ .Z)(clientFor(region).send(command, { abortSignal: signal }), signal);
            return {
                events: (out.StackEvents ?? []).map((e) => ({
                    logicalId: e.LogicalResourceId ?? '',
                    physicalId: e.PhysicalResourceId,
                    stackId: e.StackId,
                    type: e.ResourceType ?? '',
                    status: e.ResourceStatus ?? '',
                    reason: e.ResourceStatusReason,
                    timestamp: e.Timestamp ?? new Date(0)
                })),
                nextToken: out.NextToken || undefined
            };
        },
        classify: _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyError */ .fe,
        isStackGone: _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isStackGoneError */ .sI,
        close: () => clients.forEach((client) => client.destroy())
    };
}


/***/ })

};

//# sourceMappingURL=325.index.js.map